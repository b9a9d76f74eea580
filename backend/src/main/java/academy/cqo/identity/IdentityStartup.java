package academy.cqo.identity;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import academy.cqo.platform.PlatformSettings;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.StartupTask;

/**
 * Accounts the platform creates by itself: the first administrator from
 * {@code CQO_ADMIN_USERNAME} / {@code CQO_ADMIN_PASSWORD} when no administrator exists,
 * and, with {@code CQO_DEMO=true}, one demo account per role (listed in the README). Both
 * are idempotent: a restart creates nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class IdentityStartup {

	private static final Logger logger = LoggerFactory.getLogger(IdentityStartup.class);

	/**
	 * The demo password of every demo account (documented in the README; demo data only).
	 */
	static final String DEMO_PASSWORD = "Cqo@2026demo";

	@Bean
	StartupTask firstAdministrator(Accounts accounts, IdentitySettings settings) {
		return new StartupTask() {

			@Override
			public int getOrder() {
				return BOOTSTRAP;
			}

			@Override
			public Mono<Void> run() {
				if (settings.adminUsername() == null || settings.adminUsername().isBlank()) {
					return Mono.empty();
				}
				return accounts
					.createFirstAdministrator(settings.adminUsername(), settings.adminPassword(),
							settings.adminRegionCode())
					.doOnNext((created) -> {
						if (created) {
							logger.info("Created the first administrator '{}' for region {}", settings.adminUsername(),
									settings.adminRegionCode());
						}
					})
					.then();
			}

		};
	}

	@Bean
	StartupTask demoAccounts(Accounts accounts, PlatformSettings platform) {
		return new StartupTask() {

			@Override
			public int getOrder() {
				return BOOTSTRAP + 1;
			}

			@Override
			public Mono<Void> run() {
				if (!platform.demo()) {
					return Mono.empty();
				}
				return Flux.concat(demoStaff(accounts), demoCandidates(accounts)).then();
			}

		};
	}

	private static Flux<Object> demoStaff(Accounts accounts) {
		CurrentUser system = new CurrentUser("system", "system", "system", Set.of(Role.ADMIN), "360000");
		List<NewStaffAccount> staff = List.of(
				new NewStaffAccount("admin-jx", DEMO_PASSWORD, "江西省局管理员", Set.of(Role.ADMIN), "360000"),
				new NewStaffAccount("admin-nc", DEMO_PASSWORD, "南昌市局管理员", Set.of(Role.ADMIN), "360100"),
				new NewStaffAccount("admin-dh", DEMO_PASSWORD, "东湖区局管理员", Set.of(Role.ADMIN), "360102"),
				new NewStaffAccount("trainer", DEMO_PASSWORD, "李培训", Set.of(Role.TRAINER), "360000"));
		return Flux.fromIterable(staff)
			.concatMap((account) -> unlessExists(accounts, account.username(),
					Mono.defer(() -> accounts.createStaffAccount(account, system))));
	}

	private static Flux<Object> demoCandidates(Accounts accounts) {
		List<Registration> candidates = List.of(
				new Registration("candidate", DEMO_PASSWORD, "张三", "360102198503151238", "13800138000",
						"zhangsan@example.com", "360102", "江西赣江质量科技有限公司", "91360100MA35F7Q46X", "C"),
				new Registration("candidate2", DEMO_PASSWORD, "王芳", "42010619950707108X", "13900139000",
						"wangfang@example.com", "360103", "南昌洪都精密制造有限公司", "91440300MA5G3K2N2J", "C"));
		return Flux.fromIterable(candidates)
			.concatMap((registration) -> unlessExists(accounts, registration.username(),
					Mono.defer(() -> accounts.register(registration))));
	}

	/**
	 * Create a demo account unless its username is taken: a restart then reads six
	 * accounts by their unique username instead of hashing six passwords (about half a
	 * second of CPU before readiness), and a race with another instance is still one
	 * conflict, ignored.
	 */
	private static Mono<Object> unlessExists(Accounts accounts, String username, Mono<AccountProfile> create) {
		return accounts.profileByUsername(username)
			.hasElement()
			.flatMap((exists) -> exists ? Mono.empty()
					: create.cast(Object.class).onErrorResume(Conflict.class, (ex) -> Mono.empty()));
	}

}

package academy.cqo.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;

/**
 * What a {@code @WebFluxTest} slice of this application needs besides the controller: a
 * clock (the platform's {@code DisplayFormats} dialect is part of every web slice) and a
 * security filter chain. The application's {@code SecurityConfiguration} needs the
 * account store and token keys; a slice tests a controller's binding and error mapping,
 * so it imports this instead: every request must be authenticated (so
 * {@code @AuthenticationPrincipal CurrentUser} resolves as in the application), no CSRF.
 * The path rules and token handling are covered by the full-application tests.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class WebSlice {

	@Bean
	Clock sliceClock() {
		return Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneId.of("Asia/Shanghai"));
	}

	@Bean
	SecurityWebFilterChain sliceFilterChain(ServerHttpSecurity http) {
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.build();
	}

	/**
	 * Requests made as this person.
	 * @param user the caller
	 * @return the configurer for {@code WebTestClient.mutateWith}
	 */
	public static WebTestClientConfigurer as(CurrentUser user) {
		List<SimpleGrantedAuthority> authorities = user.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return SecurityMockServerConfigurers
			.mockAuthentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
	}

	/**
	 * A candidate in 东湖区.
	 * @return the candidate
	 */
	public static CurrentUser candidate() {
		return new CurrentUser("account-1", "candidate-1", "张三", Set.of(Role.CANDIDATE), "360102");
	}

	/**
	 * A trainer in 南昌市.
	 * @return the trainer
	 */
	public static CurrentUser trainer() {
		return new CurrentUser("account-trainer", "trainer-1", "李老师", Set.of(Role.TRAINER), "360100");
	}

	/**
	 * The province's administrator.
	 * @return admin-jx
	 */
	public static CurrentUser provinceAdmin() {
		return new CurrentUser("account-admin", "admin-jx", "省管理员", Set.of(Role.ADMIN), "360000");
	}

}

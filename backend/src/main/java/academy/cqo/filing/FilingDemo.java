package academy.cqo.filing;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.filing.persistence.EnterpriseStore;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.platform.PlatformSettings;
import academy.cqo.shared.StartupTask;

/**
 * Demo filings in 东湖区 (with {@code CQO_DEMO=true}): two enterprises whose CQOs are filed
 * and approved (the first is 张三, the demo candidate), one filing awaiting
 * {@code admin-dh}'s review and one returned for correction. The enterprises sign in as
 * {@code enterprise}, {@code enterprise2}, {@code enterprise3} and {@code enterprise4}.
 * Created once; a restart finds the first enterprise and leaves everything alone.
 */
@Component
class FilingDemo implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(FilingDemo.class);

	static final String PASSWORD = "Cqo@2026demo";

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes();

	private final PlatformSettings platform;

	private final Enterprises enterprises;

	private final EnterpriseStore store;

	private final Filings filings;

	private final Accounts accounts;

	FilingDemo(PlatformSettings platform, Enterprises enterprises, EnterpriseStore store, Filings filings,
			Accounts accounts) {
		this.platform = platform;
		this.enterprises = enterprises;
		this.store = store;
		this.filings = filings;
		this.accounts = accounts;
	}

	@Override
	public int getOrder() {
		return CONTENT + 30;
	}

	/** One demo enterprise, its account and its CQO. */
	private record Demo(String username, String creditCode, String name, String size, String cqoName, String idNumber,
			String outcome) {
	}

	@Override
	public Mono<Void> run() {
		if (!this.platform.demo()) {
			return Mono.empty();
		}
		List<Demo> demos = List.of(
				new Demo("enterprise", "91360100MA35F7Q46X", "江西赣江质量科技有限公司", "MEDIUM", "张三", "360102198503151238",
						"APPROVE"),
				new Demo("enterprise2", "91360102MA3AB1C2DW", "南昌东湖精密仪器有限公司", "LARGE", "周明远", "360102198006121011",
						"APPROVE"),
				new Demo("enterprise3", "91360102MA3EF3G4HR", "江西豫章食品股份有限公司", "SMALL", "吴晓燕", "360102198809232022",
						"SUBMIT"),
				new Demo("enterprise4", "91360102MA3JK5L6MN", "南昌八一电气设备有限公司", "MEDIUM", "郑国庆", "360121197603053031",
						"RETURN"));
		return this.store.find(demos.get(0).creditCode())
			.map((existing) -> true)
			.switchIfEmpty(reactor.core.publisher.Flux.fromIterable(demos)
				.concatMap(this::create)
				.then(Mono.fromRunnable(() -> logger.info("Demo filings created in 东湖区 (enterprise … enterprise4)")))
				.thenReturn(false))
			.onErrorResume((ex) -> {
				logger.warn("Demo filings could not be created", ex);
				return Mono.just(false);
			})
			.then();
	}

	private Mono<Void> create(Demo demo) {
		CurrentUser county = new CurrentUser("demo-dh", "admin-dh", "东湖区局管理员", Set.of(Role.ADMIN), "360102");
		EnterpriseRegistration registration = new EnterpriseRegistration(demo.creditCode(), demo.name(), "360102", "C",
				"PRIVATE", true, demo.size(), "质量检测仪器、精密零部件的研发、生产与销售", "刘建国", demo.username(), PASSWORD, "陈晓梅",
				"13807910001", demo.username() + "@example.com");
		return this.enterprises.register(registration)
			.then(this.accounts.profileByUsername(demo.username()))
			.map((profile) -> new CurrentUser(profile.accountId(), profile.username(), profile.fullName(),
					Set.of(Role.ENTERPRISE), profile.regionCode()))
			.flatMap((enterprise) -> this.filings.create(form(demo), enterprise)
				.flatMap((draft) -> this.filings
					.attach(draft.id(), AttachmentKind.APPOINTMENT_LETTER.name(), "聘书.pdf", PDF, enterprise)
					.then(this.filings.attach(draft.id(), AttachmentKind.SEALED_FORM.name(), "备案表.pdf", PDF,
							enterprise))
					.then(this.filings.attach(draft.id(), AttachmentKind.PHOTO.name(), "照片.png", photo(), enterprise))
					.then(this.filings.submit(draft.id(), enterprise))
					.flatMap((submitted) -> switch (demo.outcome()) {
						case "APPROVE" -> this.filings.decide(submitted.id(), "APPROVE", List.of(), null, county);
						case "RETURN" -> this.filings.decide(submitted.id(), "RETURN",
								List.of(new FilingDocument.Comment("cqo.school", "请填写毕业院校全称，并上传学历证书复印件。")), null,
								county);
						default -> Mono.just(submitted);
					})))
			.contextWrite((context) -> context.put(java.util.Locale.class, java.util.Locale.SIMPLIFIED_CHINESE))
			.then();
	}

	private static FilingForm form(Demo demo) {
		return new FilingForm(
				new FilingForm.Cqo(demo.cqoName(), demo.idNumber(), "13907918888", "cqo@example.com",
						"江西省南昌市东湖区八一大道 100 号", "南昌大学", "质量管理工程", "BACHELOR", "INTERMEDIATE", "质量工程师", "质量总监", 8),
				new FilingForm.Appointment("首席质量官", true, "2026-03"),
				new FilingForm.PriorTraining(true, "2025-10", "江西省市场监督管理局"),
				new FilingForm.Principal("刘建国", "董事长", "0791-88886666"),
				List.of(new FilingForm.ResumeEntry("2016-07", "2020-12", "江西某汽车零部件公司", "质量工程师", "来料检验与过程控制"),
						new FilingForm.ResumeEntry("2021-01", null, demo.name(), "质量总监", "质量管理体系与质量攻关")),
				"2024年度南昌市质量管理先进个人", "同意聘任并备案", null, true, null, null);
	}

	private static byte[] photo() {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(90, 126,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			java.awt.Graphics2D graphics = image.createGraphics();
			graphics.setColor(new java.awt.Color(0x43, 0x8E, 0xDB));
			graphics.fillRect(0, 0, 90, 126);
			graphics.setColor(java.awt.Color.WHITE);
			graphics.fillOval(25, 20, 40, 40);
			graphics.fillRoundRect(15, 70, 60, 60, 30, 30);
			graphics.dispose();
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

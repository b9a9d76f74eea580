package academy.cqo.notification;

import java.util.Properties;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The SMTP client {@link MailNotices} sends with, when {@code spring.mail.host}
 * ({@code SPRING_MAIL_HOST}) is set, decided at every start. Spring Boot registers its
 * own by a bean condition on that property, which Spring AOT processing
 * ({@code -Dspring.aot.enabled=true}, docs/ARCHITECTURE.md) would fix at build time,
 * where no SMTP server is set: a deployment setting it would then mail nothing. A bean
 * registrar runs at every start, with or without Spring AOT; the beans it registers
 * replace Spring Boot's (whose conditions ask for no such bean) and are made as Spring
 * Boot 4.1 makes them: the sender from the {@code spring.mail.*} properties, and its
 * health indicator {@code mail} unless {@code management.health.mail.enabled} (or
 * {@code management.health.defaults.enabled}) is {@code false}.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailSenderConfiguration.MailSenderBeans.class)
class MailSenderConfiguration {

	static final class MailSenderBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if (!hostSet(environment)) {
				return;
			}
			registry.registerBean("mailSender", JavaMailSenderImpl.class,
					(bean) -> bean.supplier((context) -> mailSender(
							Binder.get(environment).bindOrCreate("spring.mail", MailProperties.class),
							context.beanProvider(SslBundles.class).getIfAvailable())));
			if (healthIndicatorEnabled(environment)) {
				registry.registerBean("mailHealthContributor", MailHealthIndicator.class, (bean) -> bean
					.supplier((context) -> new MailHealthIndicator(context.bean(JavaMailSenderImpl.class))));
			}
		}

	}

	/**
	 * Whether an SMTP server is set, as Spring Boot's condition asks: the property is
	 * present and not {@code false}.
	 * @param environment the environment
	 * @return whether to register a sender
	 */
	static boolean hostSet(Environment environment) {
		String host = environment.getProperty("spring.mail.host");
		return host != null && !"false".equalsIgnoreCase(host);
	}

	private static boolean healthIndicatorEnabled(Environment environment) {
		Boolean own = environment.getProperty("management.health.mail.enabled", Boolean.class);
		return (own != null) ? own : environment.getProperty("management.health.defaults.enabled", Boolean.class, true);
	}

	/**
	 * The sender as Spring Boot 4.1's {@code MailSenderPropertiesConfiguration} makes it.
	 * @param properties the {@code spring.mail.*} properties
	 * @param sslBundles the SSL bundles, if any
	 * @return the sender
	 */
	static JavaMailSenderImpl mailSender(MailProperties properties, SslBundles sslBundles) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(properties.getHost());
		if (properties.getPort() != null) {
			sender.setPort(properties.getPort());
		}
		sender.setUsername(properties.getUsername());
		sender.setPassword(properties.getPassword());
		sender.setProtocol(properties.getProtocol());
		if (properties.getDefaultEncoding() != null) {
			sender.setDefaultEncoding(properties.getDefaultEncoding().name());
		}
		Properties javaMail = new Properties();
		javaMail.putAll(properties.getProperties());
		String protocol = StringUtils.hasLength(properties.getProtocol()) ? properties.getProtocol() : "smtp";
		MailProperties.Ssl ssl = properties.getSsl();
		if (ssl.isEnabled() || StringUtils.hasLength(ssl.getBundle())) {
			if (ssl.isVerifyHostname()) {
				javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
			}
			if (ssl.isEnabled()) {
				javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
			}
			if (StringUtils.hasLength(ssl.getBundle())) {
				if (sslBundles == null) {
					throw new IllegalStateException("spring.mail.ssl.bundle is set but there are no SSL bundles");
				}
				SslBundle bundle = sslBundles.getBundle(ssl.getBundle());
				javaMail.put("mail." + protocol + ".ssl.socketFactory", bundle.createSslContext().getSocketFactory());
			}
		}
		if (!javaMail.isEmpty()) {
			sender.setJavaMailProperties(javaMail);
		}
		return sender;
	}

}

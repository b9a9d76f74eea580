package academy.cqo.platform.web;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Behind a reverse proxy ({@code CQO_FORWARD_HEADERS=framework}, i.e.
 * {@code server.forward-headers-strategy=framework}) every request's address, scheme and
 * host are taken from its {@code Forwarded}/{@code X-Forwarded-*} headers, so audit
 * records show the client's address ({@link RequestOriginFilter}). Decided at every
 * start: Spring Boot registers the transformer by a bean condition on that property,
 * which Spring AOT processing ({@code -Dspring.aot.enabled=true}, docs/ARCHITECTURE.md)
 * would fix at build time, where the strategy is {@code none}. A bean registrar runs at
 * every start, with or without Spring AOT; Spring Boot's own transformer asks for no such
 * bean, so there is one either way.
 */
@Configuration(proxyBeanMethods = false)
@Import(ForwardedHeadersConfiguration.ForwardedHeadersBeans.class)
class ForwardedHeadersConfiguration {

	static final String STRATEGY = "server.forward-headers-strategy";

	static final class ForwardedHeadersBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			if ("framework".equalsIgnoreCase(environment.getProperty(STRATEGY))) {
				registry.registerBean(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME,
						ForwardedHeaderTransformer.class);
			}
		}

	}

}

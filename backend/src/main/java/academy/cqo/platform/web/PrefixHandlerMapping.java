package academy.cqo.platform.web;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The handler methods that can answer a path under a few prefixes, looked up among
 * themselves before the full mapping is asked.
 * <p>
 * WebFlux finds the handler of a path with variables (an answer's save, {@code PUT
 * /api/v1/attempts/{id}/answers/{questionId}}) by checking every one of the platform's
 * ~280 request mappings against the request, one after the other: 4 % of an exam day's
 * server CPU. For a request under one of the prefixes this mapping checks only the
 * mappings that could match such a path: those whose patterns' literal beginning (up to
 * the first variable or wildcard) starts with the prefix or is the start of it. Every
 * mapping that can match the request is among them, so the best match, and the error when
 * none matches (404, 405, 415, …), are what the full mapping would give. Any other
 * request, also one spelled differently (percent-encoded), goes to the full mapping,
 * which still holds every handler. The mappings are copied from the full mapping once
 * every bean is ready.
 */
public final class PrefixHandlerMapping
		implements HandlerMapping, Ordered, SmartInitializingSingleton, ApplicationContextAware {

	private final List<String> prefixes;

	private final Subset subset = new Subset();

	private ApplicationContext context;

	private volatile boolean ready;

	/**
	 * A mapping for requests under these prefixes.
	 * @param prefixes path prefixes, each ending with {@code /}
	 */
	public PrefixHandlerMapping(List<String> prefixes) {
		prefixes.forEach((prefix) -> {
			if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
				throw new IllegalArgumentException("A prefix starts and ends with /: " + prefix);
			}
		});
		this.prefixes = List.copyOf(prefixes);
	}

	@Override
	public void setApplicationContext(ApplicationContext context) throws BeansException {
		this.context = context;
	}

	@Override
	public int getOrder() {
		// before the full mapping (0) and the functional routes (-1)
		return -2;
	}

	@Override
	public void afterSingletonsInstantiated() {
		RequestMappingHandlerMapping full = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		this.subset.setApplicationContext(this.context);
		this.subset.setContentTypeResolver(full.getContentTypeResolver());
		this.subset.afterPropertiesSet();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : full.getHandlerMethods().entrySet()) {
			if (canMatchUnder(this.prefixes, mapping.getKey())) {
				HandlerMethod handler = mapping.getValue();
				this.subset.registerMapping(mapping.getKey(), handler.getBean(), handler.getMethod());
			}
		}
		this.ready = true;
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		if (!this.ready || !underPrefix(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return Mono.empty();
		}
		return this.subset.getHandler(exchange);
	}

	/**
	 * The handler methods this mapping looks among.
	 * @return each mapping and its method
	 */
	public Map<RequestMappingInfo, HandlerMethod> getHandlerMethods() {
		return this.subset.getHandlerMethods();
	}

	private boolean underPrefix(String path) {
		for (String prefix : this.prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a mapping can match a path under one of the prefixes.
	 * @param prefixes the prefixes
	 * @param info the mapping
	 * @return whether the literal beginning of one of its patterns starts with a prefix
	 * or is the start of one
	 */
	static boolean canMatchUnder(List<String> prefixes, RequestMappingInfo info) {
		for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
			String literal = literalStart(pattern.getPatternString());
			for (String prefix : prefixes) {
				if (literal.startsWith(prefix) || prefix.startsWith(literal)) {
					return true;
				}
			}
		}
		return false;
	}

	/** A pattern up to its first variable or wildcard. */
	static String literalStart(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

	/** A mapping that finds no handlers by itself: it is given them. */
	private static final class Subset extends RequestMappingHandlerMapping {

		@Override
		protected boolean isHandler(Class<?> beanType) {
			return false;
		}

	}

}

package academy.cqo.identity.security;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches a page request that no controller answers, so that an unknown address shows the
 * 404 page to everyone instead of sending an anonymous visitor to the login page (which
 * would also tell a prober nothing useful about which addresses exist). Any doubt (a
 * known path with another method, an error while matching) counts as known and stays
 * protected.
 */
final class UnknownPages implements ServerWebExchangeMatcher {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnknownPages(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		List<RequestMappingHandlerMapping> all = this.mappings.orderedStream().toList();
		return Flux.fromIterable(all)
			.concatMap((mapping) -> mapping.getHandler(exchange).map((handler) -> true).onErrorReturn(true))
			.hasElements()
			.onErrorReturn(true)
			.flatMap((known) -> known ? MatchResult.notMatch() : MatchResult.match());
	}

}

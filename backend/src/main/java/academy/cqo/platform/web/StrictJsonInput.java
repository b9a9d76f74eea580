package academy.cqo.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Request bodies the server reads refuse {@code null} inside arrays and objects (a list
 * of options, tags or ids with a {@code null} in it): the request is answered 400 naming
 * the element ({@code options[2]}) before any code meets the hole. A fraction where a
 * whole number belongs ({@code seq: 1.5}) is refused too instead of being truncated.
 * (Account names and passwords take only text, see {@code shared.StrictText}; answers may
 * stay {@code [true]}.) Responses and other readers keep the ordinary mapper.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class StrictJsonInput implements WebFluxConfigurer {

	private final JsonMapper mapper;

	StrictJsonInput(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
		JsonMapper strict = this.mapper.rebuild()
			.changeDefaultNullHandling((handling) -> handling.withContentNulls(Nulls.FAIL))
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.build();
		configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
	}

}

package academy.cqo.platform.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request mappings of an exam day's traffic (starts, saves, submits, integrity
 * events, the attempt's state) looked up among themselves ({@link PrefixHandlerMapping}).
 */
@Configuration(proxyBeanMethods = false)
class ExamDayMappings {

	static final List<String> PREFIXES = List.of("/api/v1/attempts/", "/api/v1/exam-sessions/");

	@Bean
	PrefixHandlerMapping examDayHandlerMapping() {
		return new PrefixHandlerMapping(PREFIXES);
	}

}

package academy.cqo.home.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;

/** The signed-in enterprise's status, as its home page shows it. */
@RestController
@Tag(name = "dashboard", description = "The bureau dashboard of a region")
class EnterpriseStatusApi {

	private final EnterpriseHome home;

	EnterpriseStatusApi(EnterpriseHome home) {
		this.home = home;
	}

	@GetMapping("/api/v1/me/enterprise-status")
	@Operation(summary = "The signed-in enterprise against what the bureau expects: filing (state, CQO), CQO trained, "
			+ "certificate (number, status), CE this year (met or hours left), roster membership (规上, 重点培育) and "
			+ "open supervision matters")
	Mono<EnterpriseStatus> status(@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.home.status(user));
	}

}

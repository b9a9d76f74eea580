package academy.cqo.supervision.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.supervision.SamplingDraws;

/**
 * Sampling assessment draws (published API): the seeded stratified draw from a region's
 * roster, the drawn CQOs' results in the assessment session, and the follow-up that opens
 * a supervision case for each failure.
 */
@RestController
@Tag(name = "sampling", description = "Sampling assessment (抽查考核): reproducible seeded draws")
class SamplingApi {

	private final SamplingDraws draws;

	SamplingApi(SamplingDraws draws) {
		this.draws = draws;
	}

	@PostMapping("/api/v1/sampling-draws")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draw (administrator; region inside the jurisdiction, else 404) {regionCode, size, strata: "
			+ "[regionCode, industry, size], seed, sessionId?} → 201 {id, seed, enterprises: [creditCode…], shares, "
			+ "population}; the same request gives the same list (sorted by credit code, largest-remainder "
			+ "allocation, SHA-256(seed + \"\\n\" + creditCode) ranking)")
	Mono<ResponseEntity<SamplingDraws.DrawView>> draw(@RequestBody SamplingDraws.Draw request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.draws.draw(request, user)
			.map((draw) -> ResponseEntity.created(URI.create("/api/v1/sampling-draws/" + draw.id())).body(draw));
	}

	@GetMapping("/api/v1/sampling-draws/{id}")
	@Operation(summary = "A draw")
	Mono<SamplingDraws.DrawView> find(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.draws.find(id, user);
	}

	@GetMapping("/api/v1/sampling-draws/{id}/outcomes")
	@Operation(summary = "Each drawn enterprise's result in the assessment session: NO_CQO, NOT_STARTED, "
			+ "IN_PROGRESS, PASSED or FAILED (with the supervision case a failure opened)")
	Mono<List<SamplingDraws.DrawOutcome>> outcomes(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.draws.outcomes(id, user);
	}

	@PostMapping("/api/v1/sampling-draws/{id}/follow-up")
	@Operation(summary = "Open a supervision case (a warning) for each failure now, once per enterprise (the "
			+ "supervision sweep does the same every minute) → the outcomes")
	Mono<List<SamplingDraws.DrawOutcome>> followUp(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.draws.followUp(id, user);
	}

}

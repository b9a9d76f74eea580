package academy.cqo.supervision.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.supervision.AwardRounds;

/**
 * Excellent-CQO award rounds (published API): rounds, nominations, the county → city →
 * province review and the public list of the awarded.
 */
@RestController
@Tag(name = "awards", description = "Excellent-CQO award rounds (优秀首席质量官评选)")
class AwardsApi {

	private final AwardRounds rounds;

	AwardsApi(AwardRounds rounds) {
		this.rounds = rounds;
	}

	@PostMapping("/api/v1/award-rounds")
	@Operation(summary = "Create a round (a province's administrator) {year, criteria, quotas: {regionCode: n}, "
			+ "publicListing} → 201 {id, ...}")
	Mono<ResponseEntity<AwardRounds.RoundView>> create(@RequestBody AwardRounds.NewAwardRound request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.rounds.create(request, user)
			.map((round) -> ResponseEntity.created(URI.create("/api/v1/award-rounds/" + round.id())).body(round));
	}

	@GetMapping("/api/v1/award-rounds")
	@Operation(summary = "The rounds of the caller's province")
	Mono<List<AwardRounds.RoundView>> list(@AuthenticationPrincipal CurrentUser user) {
		return this.rounds.rounds(user).collectList();
	}

	@GetMapping("/api/v1/award-rounds/{id}")
	@Operation(summary = "A round")
	Mono<AwardRounds.RoundView> round(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.round(id, user);
	}

	@PutMapping("/api/v1/award-rounds/{id}/publication")
	@Operation(summary = "List the awarded publicly or not (the province) {publicListing}")
	Mono<AwardRounds.RoundView> publish(@PathVariable String id, @RequestBody Map<String, Boolean> request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.rounds.publish(id, Boolean.TRUE.equals((request != null) ? request.get("publicListing") : null),
				user);
	}

	@PostMapping("/api/v1/award-rounds/{id}/nominations")
	@Operation(summary = "Nominate (an enterprise its current CQO; a bureau {filingId | cqoIdNumber} in scope) "
			+ "{statement, evidence} → 201 {id, stage}; one nomination per person and round (409)")
	Mono<ResponseEntity<AwardRounds.NominationView>> nominate(@PathVariable String id,
			@RequestBody AwardRounds.Nominate request, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.nominate(id, request, user)
			.map((nomination) -> ResponseEntity
				.created(URI.create("/api/v1/award-rounds/" + id + "/nominations/" + nomination.id()))
				.body(nomination));
	}

	@GetMapping("/api/v1/award-rounds/{id}/nominations")
	@Operation(summary = "Nominations in scope (an administrator's jurisdiction, an enterprise's own); filter by stage")
	Mono<List<AwardRounds.NominationView>> nominations(@PathVariable String id,
			@RequestParam(required = false) String stage, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.nominations(id, stage, user).collectList();
	}

	@PostMapping("/api/v1/award-rounds/{id}/nominations/{nid}/decision")
	@Operation(summary = "The review decision of the level the nomination waits for (county → city → province) "
			+ "{decision: APPROVE | REJECT, comment} → {stage}; the province's approval awards within the region's "
			+ "quota (409 when full)")
	Mono<AwardRounds.NominationView> decide(@PathVariable String id, @PathVariable String nid,
			@RequestBody AwardRounds.Decide request, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.decide(id, nid, request, user);
	}

	@GetMapping("/api/v1/award-rounds/{id}/awarded")
	@Operation(summary = "The awarded (public when the province lists them) → [{year, cqoName, enterpriseName, "
			+ "regionName, title}]")
	Mono<List<AwardRounds.Awarded>> awarded(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.awarded(id, user).collectList();
	}

}

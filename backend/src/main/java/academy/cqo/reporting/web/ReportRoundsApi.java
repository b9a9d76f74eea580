package academy.cqo.reporting.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.ReportRounds;

/**
 * 附件3 reporting rounds (published API).
 */
@RestController
@Tag(name = "report-rounds", description = "附件3 cultivation plan rounds: fill in, submit, return, combine")
class ReportRoundsApi {

	private final ReportRounds rounds;

	ReportRoundsApi(ReportRounds rounds) {
		this.rounds = rounds;
	}

	/**
	 * The created round (published response).
	 *
	 * @param id the round
	 * @param name its name
	 * @param planYears the plan years
	 * @param dueDate the deadline
	 */
	record Created(String id, String name, List<Integer> planYears, java.time.LocalDate dueDate) {
	}

	/**
	 * Plans (published request).
	 *
	 * @param plans year → count
	 */
	record Plans(Map<String, Integer> plans) {
	}

	/**
	 * A return (published request).
	 *
	 * @param comment why
	 */
	record Return(String comment) {
	}

	@PostMapping("/api/v1/report-rounds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Set a 附件3 round (city or province administrator) {name, planYears: [2027, 2028], dueDate} "
			+ "→ 201 {id}")
	Mono<ResponseEntity<Created>> create(@RequestBody ReportRounds.NewRound round,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.create(user, round))
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/report-rounds/" + created.id()))
				.body(new Created(created.id(), created.name(), created.planYears(), created.dueDate())));
	}

	@GetMapping("/api/v1/report-rounds")
	@Operation(summary = "The rounds the administrator takes part in, newest first")
	Mono<List<ReportRounds.Round>> list(@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.rounds(user).collectList());
	}

	@GetMapping("/api/v1/report-rounds/{id}")
	@Operation(summary = "A round {id, name, planYears, dueDate, regionCode, regionName}")
	Mono<ReportRounds.Round> round(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.round(user, id));
	}

	@GetMapping("/api/v1/report-rounds/{id}/submissions")
	@Operation(summary = "Per county below the round that the caller sees: {regionCode, name, state: NOT_STARTED | "
			+ "DRAFT | SUBMITTED | RETURNED | LATE, submittedAt, late, aboveScale, filed, plans}")
	Mono<List<ReportRounds.Submission>> submissions(@PathVariable String id,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.submissions(user, id));
	}

	@GetMapping("/api/v1/report-rounds/{id}/submissions/{regionCode}")
	@Operation(
			summary = "A county's report {aboveScale, filed, plans: {\"2027\": n}, state, ...}: pre-filled from live "
					+ "data until submitted, then the submitted snapshot")
	Mono<ReportRounds.Submission> submission(@PathVariable String id, @PathVariable String regionCode,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.submission(user, id, regionCode));
	}

	@PutMapping("/api/v1/report-rounds/{id}/submissions/{regionCode}")
	@Operation(summary = "Save the county's plan counts {plans: {\"2027\": n, \"2028\": n}}; 409 once submitted")
	Mono<ReportRounds.Submission> save(@PathVariable String id, @PathVariable String regionCode,
			@RequestBody Plans plans, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.savePlans(user, id, regionCode, (plans != null) ? plans.plans() : null));
	}

	@PostMapping("/api/v1/report-rounds/{id}/submissions/{regionCode}/submission")
	@Operation(summary = "Submit: lock the report with the figures as they are now (a city: the sums of its counties' "
			+ "submitted reports)")
	Mono<ReportRounds.Submission> submit(@PathVariable String id, @PathVariable String regionCode,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.submit(user, id, regionCode));
	}

	@PostMapping("/api/v1/report-rounds/{id}/submissions/{regionCode}/return")
	@Operation(summary = "Return a submitted report for revision {comment} (the bureau above it)")
	Mono<ReportRounds.Submission> giveBack(@PathVariable String id, @PathVariable String regionCode,
			@RequestBody Return body, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.giveBack(user, id, regionCode, (body != null) ? body.comment() : null));
	}

	@GetMapping("/api/v1/report-rounds/{id}/summary.xlsx")
	@Operation(summary = "附件3 县(市、区)企业首席质量官培育计划报送表 of the round as Excel")
	Mono<ResponseEntity<byte[]>> summary(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.workbook(user, id))
			.map((bytes) -> RostersApi.download(bytes, "附件3-企业首席质量官培育计划报送表.xlsx"));
	}

	@GetMapping("/api/v1/report-rounds/{id}/summary.pdf")
	@Operation(summary = "附件3 of the round as an A4 PDF in the notice's table layout")
	Mono<ResponseEntity<byte[]>> summaryPdf(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.rounds.pdf(user, id))
			.map((bytes) -> ReportsApi.pdf(bytes, "附件3-企业首席质量官培育计划报送表.pdf"));
	}

}

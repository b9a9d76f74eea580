package academy.cqo.home.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import academy.cqo.filing.CqoProgress;
import academy.cqo.filing.EnterpriseView;
import academy.cqo.filing.Enterprises;
import academy.cqo.filing.FilingView;
import academy.cqo.filing.Filings;
import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.Rosters;
import academy.cqo.supervision.CaseView;
import academy.cqo.supervision.SupervisionCases;

/**
 * The enterprise's home: its {@link EnterpriseStatus} against what the bureau expects —
 * filing, CQO trained, certificate, CE this year, roster membership and open supervision
 * matters — read from the filing, reporting and supervision modules' public faces, each
 * scoped to the signed-in enterprise.
 */
@Component
class EnterpriseHome {

	private static final List<String> OPEN = List.of("OPEN", "ESCALATED", "RECTIFIED");

	private final Enterprises enterprises;

	private final Filings filings;

	private final Rosters rosters;

	private final SupervisionCases cases;

	private final Clock clock;

	EnterpriseHome(Enterprises enterprises, Filings filings, Rosters rosters, SupervisionCases cases, Clock clock) {
		this.enterprises = enterprises;
		this.filings = filings;
		this.rosters = rosters;
		this.cases = cases;
		this.clock = clock;
	}

	Mono<String> render(CurrentUser user, Model model) {
		return status(user).map((status) -> {
			model.addAttribute("s", status);
			return "home/enterprise";
		});
	}

	/**
	 * The signed-in enterprise's status.
	 * @param user an enterprise account
	 * @return the status (404 when the account belongs to no enterprise)
	 */
	Mono<EnterpriseStatus> status(CurrentUser user) {
		return this.enterprises.mine(user).flatMap((enterprise) -> {
			Mono<Optional<FilingView.Summary>> latest = this.filings.list(user, null, null, null)
				.next()
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty());
			Mono<Optional<FilingView>> current = (enterprise.currentCqo() == null) ? Mono.just(Optional.empty())
					: this.filings.filing(enterprise.currentCqo().filingId(), user).map(Optional::of);
			Mono<Optional<Rosters.Row>> roster = this.rosters
				.standingOf(enterprise.creditCode(), enterprise.regionCode())
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty());
			Mono<List<EnterpriseStatus.Matter>> matters = this.cases.list(user, null, null)
				.filter((summary) -> OPEN.contains(summary.state()))
				.map(this::matter)
				.collectList();
			return Mono.zip(latest, current, roster, matters)
				.map((parts) -> status(enterprise, parts.getT1(), parts.getT2(), parts.getT3(), parts.getT4()));
		});
	}

	private EnterpriseStatus status(EnterpriseView enterprise, Optional<FilingView.Summary> latest,
			Optional<FilingView> current, Optional<Rosters.Row> roster, List<EnterpriseStatus.Matter> matters) {
		EnterpriseView.CurrentCqo cqo = enterprise.currentCqo();
		EnterpriseStatus.Filing filing = new EnterpriseStatus.Filing(latest.map(FilingView.Summary::id).orElse(null),
				latest.map(FilingView.Summary::state).orElse(null), latest.map(FilingView.Summary::kind).orElse(null),
				(cqo != null) ? cqo.filingId() : null, (cqo != null) ? cqo.filingNumber() : null,
				(cqo != null) ? cqo.fullName() : null, (cqo != null) ? cqo.since() : null);
		CqoProgress progress = current.map(FilingView::training).orElse(null);
		boolean trained = roster.map(Rosters.Row::trained).orElseGet(() -> trained(progress));
		return new EnterpriseStatus(enterprise.creditCode(), enterprise.name(), enterprise.regionName(), filing,
				cqo != null && trained, progress != null && progress.registered(), certificate(progress), ce(progress),
				roster
					.map((row) -> new EnterpriseStatus.Roster(true, row.aboveScale(), row.keyCultivation(),
							row.qualityAward()))
					.orElse(new EnterpriseStatus.Roster(false, enterprise.aboveScale(), false, null)),
				matters);
	}

	private static boolean trained(CqoProgress progress) {
		return progress != null && (progress.exams().stream().anyMatch((exam) -> Boolean.TRUE.equals(exam.passed()))
				|| progress.courses().stream().anyMatch((course) -> course.completedAt() != null));
	}

	private static EnterpriseStatus.Certificate certificate(CqoProgress progress) {
		if (progress == null || progress.certificates().isEmpty()) {
			return null;
		}
		CqoProgress.Certificate chosen = progress.certificates()
			.stream()
			.filter((certificate) -> "VALID".equals(certificate.status()))
			.findFirst()
			.orElse(progress.certificates().get(0));
		return new EnterpriseStatus.Certificate(chosen.number(), chosen.status(), chosen.expiresOn());
	}

	private static EnterpriseStatus.Ce ce(CqoProgress progress) {
		if (progress == null || progress.ce() == null) {
			return null;
		}
		CqoProgress.Ce ce = progress.ce();
		double left = Math.max(0, Math.round((ce.requiredHours() - ce.earnedHours()) * 10) / 10.0);
		return new EnterpriseStatus.Ce(ce.year(), ce.requiredHours(), ce.earnedHours(), "MET".equals(ce.status()),
				left);
	}

	private EnterpriseStatus.Matter matter(CaseView.CaseSummary summary) {
		LocalDate today = LocalDate.now(this.clock);
		boolean overdue = summary.dueDate() != null && summary.dueDate().isBefore(today)
				&& !"RECTIFIED".equals(summary.state());
		boolean rectificationDue = !"RECTIFIED".equals(summary.state()) && summary.dueDate() != null;
		return new EnterpriseStatus.Matter(summary.id(), summary.kind(), summary.state(), summary.cqoName(),
				summary.dueDate(), overdue, rectificationDue);
	}

}

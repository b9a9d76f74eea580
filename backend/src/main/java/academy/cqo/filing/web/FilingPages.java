package academy.cqo.filing.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.filing.AttachmentKind;
import academy.cqo.filing.Education;
import academy.cqo.filing.EnterpriseSize;
import academy.cqo.filing.EnterpriseType;
import academy.cqo.filing.Enterprises;
import academy.cqo.filing.FilingState;
import academy.cqo.filing.FilingView;
import academy.cqo.filing.Filings;
import academy.cqo.filing.ProfessionalTitle;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The filing pages: the enterprise's filings and the county's review queue, the form with
 * live eligibility, a filing with its attachments, actions and history, and the
 * enterprise registration. The pages act through the published JSON API.
 */
@PageController
class FilingPages implements Pages {

	static final List<String> PERSON_FIELDS = List.of("fullName", "idNumber", "mobile", "email", "address", "school",
			"major", "titleName", "currentPost", "qualityWorkYears");

	static final Map<String, String> LABELS = Map.of("fullName", "fullName", "idNumber", "idNumber", "mobile", "mobile",
			"email", "email", "address", "address", "school", "school", "major", "major", "titleName", "titleName",
			"currentPost", "currentPost", "qualityWorkYears", "years");

	private final Filings filings;

	private final Enterprises enterprises;

	private final RegionDirectory regions;

	FilingPages(Filings filings, Enterprises enterprises, RegionDirectory regions) {
		this.filings = filings;
		this.enterprises = enterprises;
		this.regions = regions;
	}

	/** A labelled value on the filing page. */
	record Row(String key, String field, String value) {
	}

	@GetMapping("/filings")
	Mono<String> list(@RequestParam(required = false) String state, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		boolean admin = user.has(Role.ADMIN);
		String filter = (state != null && Arrays.stream(FilingState.values()).anyMatch((s) -> s.name().equals(state)))
				? state : null;
		model.addAttribute("admin", admin);
		model.addAttribute("state", filter);
		model.addAttribute("states", Arrays.stream(FilingState.values()).map(Enum::name).toList());
		model.addAttribute("scopeName", admin ? this.regions.fullName(user.regionCode()) : null);
		Mono<Object> enterprise = user.has(Role.ENTERPRISE)
				? this.enterprises.mine(user).cast(Object.class).defaultIfEmpty("") : Mono.just("");
		return enterprise.flatMap((own) -> {
			model.addAttribute("enterprise", (own instanceof String) ? null : own);
			return this.filings.list(user, filter, null, null).collectList();
		}).map((list) -> {
			model.addAttribute("filings", list);
			return "filing/list";
		});
	}

	@GetMapping("/filings/new")
	Mono<String> create(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.enterprises.mine(user).map((enterprise) -> {
			Map<String, String> values = new HashMap<>();
			values.put("enterprise.name", enterprise.name());
			values.put("enterprise.industry", enterprise.industry());
			values.put("enterprise.enterpriseType", enterprise.enterpriseType());
			values.put("enterprise.aboveScale", String.valueOf(enterprise.aboveScale()));
			values.put("enterprise.size", enterprise.size());
			values.put("enterprise.businessScope", enterprise.businessScope());
			values.put("appointment.post", "首席质量官");
			values.put("appointment.fullTime", "true");
			formModel(model, enterprise, values, null);
			return "filing/form";
		});
	}

	@GetMapping("/filings/{id}/edit")
	Mono<String> edit(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.enterprises.mine(user)
			.flatMap((enterprise) -> this.filings.filing(id, user)
				.zipWith(this.filings.revealIdNumber(id, user))
				.map((loaded) -> {
					FilingView f = loaded.getT1();
					Map<String, String> values = new HashMap<>();
					values.put("enterprise.name", f.enterprise().name());
					values.put("enterprise.industry", f.enterprise().industry());
					values.put("enterprise.enterpriseType", f.enterprise().enterpriseType());
					values.put("enterprise.aboveScale", String.valueOf(f.enterprise().aboveScale()));
					values.put("enterprise.size", f.enterprise().size());
					values.put("enterprise.businessScope", f.enterprise().businessScope());
					values.put("cqo.fullName", f.cqo().fullName());
					values.put("cqo.idNumber", loaded.getT2());
					values.put("cqo.mobile", f.cqo().mobile());
					values.put("cqo.email", f.cqo().email());
					values.put("cqo.address", f.cqo().address());
					values.put("cqo.school", f.cqo().school());
					values.put("cqo.major", f.cqo().major());
					values.put("cqo.education", f.cqo().education());
					values.put("cqo.professionalTitle", f.cqo().professionalTitle());
					values.put("cqo.titleName", f.cqo().titleName());
					values.put("cqo.currentPost", f.cqo().currentPost());
					values.put("cqo.qualityWorkYears", String.valueOf(f.cqo().qualityWorkYears()));
					values.put("appointment.post", f.appointment().post());
					values.put("appointment.fullTime", String.valueOf(f.appointment().fullTime()));
					values.put("appointment.startMonth", f.appointment().startMonth());
					values.put("priorTraining.attended", String.valueOf(f.priorTraining().attended()));
					values.put("priorTraining.date", f.priorTraining().date());
					values.put("priorTraining.organiser", f.priorTraining().organiser());
					values.put("principal.name", f.principal().name());
					values.put("principal.post", f.principal().post());
					values.put("principal.phone", f.principal().phone());
					for (int i = 0; i < f.resume().size() && i < 4; i++) {
						values.put("resume." + i + ".from", f.resume().get(i).from());
						values.put("resume." + i + ".to", f.resume().get(i).to());
						values.put("resume." + i + ".employer", f.resume().get(i).employer());
						values.put("resume." + i + ".post", f.resume().get(i).post());
						values.put("resume." + i + ".duties", f.resume().get(i).duties());
					}
					values.put("awards", f.awards());
					values.put("enterpriseOpinion", f.enterpriseOpinion());
					values.put("remarks", f.remarks());
					values.put("declaration", String.valueOf(f.declaration()));
					values.put("ineligibilityReason", f.ineligibilityReason());
					formModel(model, enterprise, values, f.id());
					return "filing/form";
				}));
	}

	private void formModel(Model model, academy.cqo.filing.EnterpriseView enterprise, Map<String, String> values,
			String filingId) {
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("values", values);
		model.addAttribute("filingId", filingId);
		model.addAttribute("personFields", PERSON_FIELDS);
		model.addAttribute("labels", LABELS);
		model.addAttribute("types", Arrays.stream(EnterpriseType.values()).map(Enum::name).toList());
		model.addAttribute("sizes", Arrays.stream(EnterpriseSize.values()).map(Enum::name).toList());
		model.addAttribute("educations", Arrays.stream(Education.values()).map(Enum::name).toList());
		model.addAttribute("titles", Arrays.stream(ProfessionalTitle.values()).map(Enum::name).toList());
	}

	@GetMapping("/filings/{id}")
	Mono<String> filing(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model,
			ServerWebExchange exchange) {
		return this.filings.filing(id, user).map((f) -> {
			boolean enterprise = user.has(Role.ENTERPRISE);
			boolean editable = FilingState.valueOf(f.state()).editable();
			model.addAttribute("f", f);
			model.addAttribute("rows", rows(f));
			model.addAttribute("kinds", List.of(AttachmentKind.APPOINTMENT_LETTER.name(),
					AttachmentKind.SEALED_FORM.name(), AttachmentKind.PHOTO.name()));
			model.addAttribute("mayEdit", enterprise && editable && !"DISMISSAL".equals(f.kind()));
			model.addAttribute("mayDecide", user.has(Role.ADMIN) && FilingState.SUBMITTED.name().equals(f.state()));
			model.addAttribute("mayInvite", enterprise);
			model.addAttribute("mayDismiss", enterprise && FilingState.APPROVED.name().equals(f.state())
					&& !"DISMISSAL".equals(f.kind()) && f.endedBy() == null && f.supersededBy() == null);
			return "filing/detail";
		}).contextWrite(FilingsApi.locale(exchange));
	}

	private List<Row> rows(FilingView f) {
		Map<String, Row> rows = new LinkedHashMap<>();
		add(rows, "filing.col.enterpriseName", "enterprise.name", f.enterprise().name());
		add(rows, "filing.col.creditCode", "creditCode", f.creditCode());
		add(rows, "filing.col.region", "regionCode", f.regionName());
		add(rows, "filing.col.industry", "enterprise.industry", f.enterprise().industry());
		add(rows, "filing.col.businessScope", "enterprise.businessScope", f.enterprise().businessScope());
		add(rows, "filing.col.fullName", "cqo.fullName", f.cqo().fullName());
		add(rows, "filing.col.idNumber", "cqo.idNumber", f.cqo().idNumberMasked());
		add(rows, "filing.col.birthDate", "cqo.birthDate", String.valueOf(f.cqo().birthDate()));
		add(rows, "filing.col.mobile", "cqo.mobile", f.cqo().mobile());
		add(rows, "filing.col.email", "cqo.email", f.cqo().email());
		add(rows, "filing.col.address", "cqo.address", f.cqo().address());
		add(rows, "filing.col.school", "cqo.school", f.cqo().school());
		add(rows, "filing.col.major", "cqo.major", f.cqo().major());
		add(rows, "filing.col.titleName", "cqo.titleName", f.cqo().titleName());
		add(rows, "filing.col.currentPost", "cqo.currentPost", f.cqo().currentPost());
		add(rows, "filing.col.years", "cqo.qualityWorkYears", String.valueOf(f.cqo().qualityWorkYears()));
		add(rows, "filing.col.post", "appointment.post", f.appointment().post());
		add(rows, "filing.col.startMonth", "appointment.startMonth", f.appointment().startMonth());
		add(rows, "filing.col.trainingOrganiser", "priorTraining.organiser", f.priorTraining().organiser());
		add(rows, "filing.col.principal", "principal.name", f.principal().name());
		add(rows, "filing.col.principalPhone", "principal.phone", f.principal().phone());
		add(rows, "filing.col.awards", "awards", f.awards());
		add(rows, "filing.col.enterpriseOpinion", "enterpriseOpinion", f.enterpriseOpinion());
		add(rows, "filing.col.remarks", "remarks", f.remarks());
		if (f.endMonth() != null) {
			add(rows, "filing.col.endMonth", "endMonth", f.endMonth() + " · " + f.endReason());
		}
		return List.copyOf(rows.values());
	}

	private static void add(Map<String, Row> rows, String key, String field, String value) {
		rows.put(field, new Row(key, field, (value != null) ? value : "—"));
	}

	@GetMapping("/enterprises/register")
	String register(Model model) {
		model.addAttribute("fields", List.of("creditCode", "name", "regionCode", "industry", "businessScope",
				"legalRepresentative", "contactName", "mobile", "email", "username", "password"));
		model.addAttribute("types", Arrays.stream(EnterpriseType.values()).map(Enum::name).toList());
		model.addAttribute("sizes", Arrays.stream(EnterpriseSize.values()).map(Enum::name).toList());
		return "filing/register";
	}

}

package academy.cqo.filing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.identity.Industries;
import academy.cqo.identity.RealNames;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Checks a filing form field by field (every problem at once, each named by its path such
 * as {@code cqo.idNumber} or {@code resume[2].from}) and turns an acceptable one into the
 * stored form, the ID number protected.
 */
@Component
class FilingForms {

	static final int MAX_RESUME = 30;

	private final RealNames realNames;

	FilingForms(RealNames realNames) {
		this.realNames = realNames;
	}

	/** A checked form, ready to store. */
	record Checked(FilingDocument.Enterprise enterprise, FilingDocument.Cqo cqo, FilingDocument.Appointment appointment,
			FilingDocument.PriorTraining priorTraining, FilingDocument.Principal principal,
			List<FilingDocument.ResumeEntry> resume, String awards, String enterpriseOpinion, String remarks,
			boolean declaration, String ineligibilityReason) {
	}

	Checked check(FilingForm form, EnterpriseDocument enterprise) {
		List<FieldViolation> violations = new ArrayList<>();
		if (form == null) {
			throw new InvalidInput(List.of(FieldViolation.of("cqo", "field.required")));
		}
		FilingForm.Cqo cqo = form.cqo();
		if (cqo == null) {
			violations.add(FieldViolation.of("cqo", "field.required"));
		}
		else {
			this.realNames.checkPersonName("cqo.fullName", cqo.fullName(), violations);
			this.realNames.checkIdNumber("cqo.idNumber", cqo.idNumber(), violations);
			this.realNames.checkMobile("cqo.mobile", cqo.mobile(), violations);
			this.realNames.checkEmail("cqo.email", cqo.email(), violations);
			Forms.checkText("cqo.address", cqo.address(), 200, true, violations);
			Forms.checkText("cqo.school", cqo.school(), 100, true, violations);
			Forms.checkText("cqo.major", cqo.major(), 100, true, violations);
			Forms.checkEnum("cqo.education", cqo.education(), Education.class, violations);
			Forms.checkEnum("cqo.professionalTitle", cqo.professionalTitle(), ProfessionalTitle.class, violations);
			Forms.checkText("cqo.titleName", cqo.titleName(), 100, false, violations);
			Forms.checkText("cqo.currentPost", cqo.currentPost(), 100, true, violations);
			if (cqo.qualityWorkYears() == null) {
				violations.add(FieldViolation.of("cqo.qualityWorkYears", "field.required"));
			}
			else if (cqo.qualityWorkYears() < 0 || cqo.qualityWorkYears() > 60) {
				violations.add(FieldViolation.of("cqo.qualityWorkYears", "filing.field.years", 0, 60));
			}
		}
		FilingForm.Appointment appointment = form.appointment();
		if (appointment == null) {
			violations.add(FieldViolation.of("appointment", "field.required"));
		}
		else {
			Forms.checkText("appointment.post", appointment.post(), 100, true, violations);
			if (appointment.fullTime() == null) {
				violations.add(FieldViolation.of("appointment.fullTime", "field.required"));
			}
			Forms.checkMonth("appointment.startMonth", appointment.startMonth(), true, violations);
		}
		FilingForm.PriorTraining training = form.priorTraining();
		boolean attended = training != null && Boolean.TRUE.equals(training.attended());
		if (attended) {
			Forms.checkMonth("priorTraining.date", training.date(), true, violations);
			Forms.checkText("priorTraining.organiser", training.organiser(), 100, true, violations);
		}
		FilingForm.Principal principal = form.principal();
		if (principal == null) {
			violations.add(FieldViolation.of("principal", "field.required"));
		}
		else {
			this.realNames.checkPersonName("principal.name", principal.name(), violations);
			Forms.checkText("principal.post", principal.post(), 100, true, violations);
			Forms.checkText("principal.phone", principal.phone(), 30, true, violations);
			if (principal.phone() != null && !principal.phone().isBlank()
					&& !principal.phone().strip().matches("[0-9+\\-() ]{5,30}")) {
				violations.add(FieldViolation.of("principal.phone", "filing.field.phone"));
			}
		}
		List<FilingForm.ResumeEntry> resume = (form.resume() != null) ? form.resume() : List.of();
		if (resume.size() > MAX_RESUME) {
			violations.add(FieldViolation.of("resume", "filing.field.tooMany", MAX_RESUME));
		}
		for (int i = 0; i < Math.min(resume.size(), MAX_RESUME); i++) {
			FilingForm.ResumeEntry entry = resume.get(i);
			String at = "resume[" + i + "]";
			if (entry == null) {
				violations.add(FieldViolation.of(at, "field.required"));
				continue;
			}
			Forms.checkMonth(at + ".from", entry.from(), true, violations);
			Forms.checkMonth(at + ".to", entry.to(), false, violations);
			Forms.checkText(at + ".employer", entry.employer(), 100, true, violations);
			Forms.checkText(at + ".post", entry.post(), 100, true, violations);
			Forms.checkText(at + ".duties", entry.duties(), 500, false, violations);
		}
		Forms.checkText("awards", form.awards(), 2000, false, violations);
		Forms.checkText("enterpriseOpinion", form.enterpriseOpinion(), 1000, false, violations);
		Forms.checkText("remarks", form.remarks(), 1000, false, violations);
		Forms.checkText("ineligibilityReason", form.ineligibilityReason(), 1000, false, violations);
		FilingForm.EnterpriseParticulars particulars = form.enterprise();
		if (particulars != null) {
			this.realNames.checkEnterpriseName("enterprise.name", particulars.name(), violations);
			Enterprises.checkParticulars(particulars.industry(), particulars.enterpriseType(), particulars.aboveScale(),
					particulars.size(), particulars.businessScope(), "enterprise.", violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		RealNames.ProtectedIdNumber id = this.realNames.protect(cqo.idNumber());
		FilingDocument.Enterprise filed = (particulars != null) ? new FilingDocument.Enterprise(
				particulars.name().strip(), enterprise.regionCode(), Industries.normalise(particulars.industry()),
				Forms.parseEnum(particulars.enterpriseType(), EnterpriseType.class).name(), particulars.aboveScale(),
				Forms.parseEnum(particulars.size(), EnterpriseSize.class).name(), strip(particulars.businessScope()))
				: new FilingDocument.Enterprise(enterprise.name(), enterprise.regionCode(), enterprise.industry(),
						enterprise.enterpriseType(), enterprise.aboveScale(), enterprise.size(),
						enterprise.businessScope());
		return new Checked(filed, new FilingDocument.Cqo(cqo.fullName().strip(), id.cipher(), id.blindIndex(),
				id.masked(), id.sex(), id.birthDate(), cqo.mobile().strip(), cqo.email().strip(), cqo.address().strip(),
				cqo.school().strip(), cqo.major().strip(), Forms.parseEnum(cqo.education(), Education.class).name(),
				Forms.parseEnum(cqo.professionalTitle(), ProfessionalTitle.class).name(), strip(cqo.titleName()),
				cqo.currentPost().strip(), cqo.qualityWorkYears()),
				new FilingDocument.Appointment(appointment.post().strip(), appointment.fullTime(),
						appointment.startMonth().strip()),
				new FilingDocument.PriorTraining(attended, attended ? training.date().strip() : null,
						attended ? training.organiser().strip() : null),
				new FilingDocument.Principal(principal.name().strip(), principal.post().strip(),
						principal.phone().strip()),
				resume.stream()
					.map((entry) -> new FilingDocument.ResumeEntry(entry.from().strip(), strip(entry.to()),
							entry.employer().strip(), entry.post().strip(), strip(entry.duties())))
					.toList(),
				strip(form.awards()), strip(form.enterpriseOpinion()), strip(form.remarks()),
				Boolean.TRUE.equals(form.declaration()), strip(form.ineligibilityReason()));
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}

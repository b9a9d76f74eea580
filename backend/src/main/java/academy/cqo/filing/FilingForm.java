package academy.cqo.filing;

import java.util.List;

/**
 * The filing form (附件1 《企业首席质量官信息备案表》) as an enterprise sends it (published API:
 * {@code POST /api/v1/filings}, {@code PUT /api/v1/filings/{id}}). Enumerations and
 * months arrive as text and are checked field by field, so a wrong value is reported by
 * its field, never as a server error.
 *
 * @param cqo the person appointed
 * @param appointment the post and its start
 * @param priorTraining CQO training attended before
 * @param principal the enterprise's head
 * @param resume quality work history
 * @param awards awards (free text)
 * @param enterpriseOpinion 所在企业意见
 * @param remarks 备注
 * @param declaration the undertaking that no disqualification applies and the information
 * is true
 * @param enterprise the enterprise's particulars for this filing (optional: taken from
 * the enterprise record when absent)
 * @param ineligibilityReason why the enterprise files a CQO who meets no eligibility rule
 * (required at submission in that case)
 */
public record FilingForm(Cqo cqo, Appointment appointment, PriorTraining priorTraining, Principal principal,
		List<ResumeEntry> resume, String awards, String enterpriseOpinion, String remarks, Boolean declaration,
		EnterpriseParticulars enterprise, String ineligibilityReason) {

	/**
	 * The same form with another prior-training answer.
	 * @param training the answer
	 * @return the form
	 */
	FilingForm withPriorTraining(PriorTraining training) {
		return new FilingForm(this.cqo, this.appointment, training, this.principal, this.resume, this.awards,
				this.enterpriseOpinion, this.remarks, this.declaration, this.enterprise, this.ineligibilityReason);
	}

	/**
	 * The CQO's particulars.
	 *
	 * @param fullName 姓名
	 * @param idNumber 身份证号 (sex and birth date are derived)
	 * @param mobile 手机号码
	 * @param email 电子邮箱
	 * @param address 通讯地址
	 * @param school 毕业院校
	 * @param major 专业
	 * @param education 学历 ({@link Education})
	 * @param professionalTitle 职称 level ({@link ProfessionalTitle})
	 * @param titleName the title's name (e.g. 质量工程师)
	 * @param currentPost 现任职务
	 * @param qualityWorkYears 质量工作年限
	 */
	public record Cqo(String fullName, String idNumber, String mobile, String email, String address, String school,
			String major, String education, String professionalTitle, String titleName, String currentPost,
			Integer qualityWorkYears) {
	}

	/**
	 * The appointment.
	 *
	 * @param post 聘任岗位
	 * @param fullTime 专职 (true) or 兼职 (false)
	 * @param startMonth 聘任起始时间, {@code YYYY-MM}
	 */
	public record Appointment(String post, Boolean fullTime, String startMonth) {
	}

	/**
	 * CQO training attended before filing.
	 *
	 * @param attended 是否参加过首席质量官培训
	 * @param date when ({@code YYYY-MM})
	 * @param organiser 培训组织方
	 */
	public record PriorTraining(Boolean attended, String date, String organiser) {
	}

	/**
	 * The enterprise's head.
	 *
	 * @param name 企业负责人
	 * @param post 职务
	 * @param phone 联系方式
	 */
	public record Principal(String name, String post, String phone) {
	}

	/**
	 * One row of 工作简历.
	 *
	 * @param from from ({@code YYYY-MM})
	 * @param to to ({@code YYYY-MM}, empty for now)
	 * @param employer employer
	 * @param post post
	 * @param duties quality duties
	 */
	public record ResumeEntry(String from, String to, String employer, String post, String duties) {
	}

	/**
	 * The enterprise's particulars as filed (from the enterprise record, editable per
	 * filing).
	 *
	 * @param name 企业名称
	 * @param industry 所属行业 (GB/T 4754 section letter)
	 * @param enterpriseType 企业类型
	 * @param aboveScale 是否规模以上企业
	 * @param size 企业规模
	 * @param businessScope 经营项目及主要产品
	 */
	public record EnterpriseParticulars(String name, String industry, String enterpriseType, Boolean aboveScale,
			String size, String businessScope) {
	}

}

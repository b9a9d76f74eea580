package academy.cqo.filing;

/**
 * An enterprise's self-registration (published API:
 * {@code POST /api/v1/enterprises/register}).
 *
 * @param creditCode 统一社会信用代码 (GB 32100)
 * @param name 企业名称
 * @param regionCode the county (GB/T 2260)
 * @param industry GB/T 4754 section letter
 * @param enterpriseType {@link EnterpriseType}
 * @param aboveScale 是否规模以上企业
 * @param size {@link EnterpriseSize}
 * @param businessScope 经营项目及主要产品
 * @param legalRepresentative 法定代表人或主要负责人
 * @param username the contact's login name
 * @param password the contact's password
 * @param contactName the contact person
 * @param mobile the contact's mobile
 * @param email the contact's e-mail
 */
public record EnterpriseRegistration(String creditCode, String name, String regionCode, String industry,
		String enterpriseType, Boolean aboveScale, String size, String businessScope, String legalRepresentative,
		String username, String password, String contactName, String mobile, String email) {
}

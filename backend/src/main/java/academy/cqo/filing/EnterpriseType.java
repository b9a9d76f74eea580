package academy.cqo.filing;

/** 企业类型 (published enumeration). */
public enum EnterpriseType {

	STATE_OWNED, COLLECTIVE, PRIVATE, FOREIGN_INVESTED, HK_MACAO_TAIWAN, OTHER

}

package academy.cqo.identity;

/**
 * What an account may do. A candidate studies and sits exams; a trainer authors courses
 * and question banks and marks essays; an administrator runs the platform within a
 * jurisdiction.
 */
public enum Role {

	CANDIDATE, TRAINER, ADMIN,

	/** An enterprise's account (企业账号): files and follows its CQO appointments. */
	ENTERPRISE;

	public String authority() {
		return "ROLE_" + name();
	}

}

package academy.cqo.identity;

/**
 * What an account may do. A candidate studies and sits exams; a trainer authors courses
 * and question banks and marks essays; an administrator runs the platform within a
 * jurisdiction.
 */
public enum Role {

	CANDIDATE, TRAINER, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}

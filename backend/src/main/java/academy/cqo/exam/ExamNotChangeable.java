package academy.cqo.exam;

import academy.cqo.shared.NotAllowed;

/**
 * The caller may not change this exam or its sessions: not its owner, not one it is
 * shared with, not an administrator who covers it (a qualifying exam: only the province's
 * administrators).
 */
public class ExamNotChangeable extends NotAllowed {

	public ExamNotChangeable() {
		super("exam not changeable by the caller");
	}

}

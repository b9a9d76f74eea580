package academy.cqo.course;

import academy.cqo.shared.NotFound;

/**
 * No such course module.
 */
public class ModuleNotFound extends NotFound {

	public ModuleNotFound(String moduleId) {
		super("course module", moduleId);
	}

}

package academy.cqo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/** The module diagram docs/ARCHITECTURE.md links to. */
	static final Path COMMITTED = Path.of("..", "docs", "modules", "components.puml");

	static final String GENERATED = "target/spring-modulith-docs";

	final ApplicationModules modules = ApplicationModules.of(CqoAcademyApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * The module map in the docs is the one Spring Modulith draws from the code: a change
	 * of the modules' dependencies fails here until the diagram is committed again (run
	 * this test with {@code -Dcqo.docs.write=true} to write it).
	 * @throws IOException when the files cannot be read or written
	 */
	@Test
	void theCommittedModuleDiagramIsTheGeneratedOne() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(GENERATED)).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		String generated = Files.readString(Path.of(GENERATED, "components.puml"), StandardCharsets.UTF_8);
		if (Boolean.getBoolean("cqo.docs.write")) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
		}
		// Compared line by line in any order: the generator's order of modules and
		// relations is not guaranteed, their set is what the map says.
		assertThat(Files.readAllLines(COMMITTED, StandardCharsets.UTF_8))
			.as("docs/modules/components.puml is out of date: run ModularityTests with -Dcqo.docs.write=true")
			.containsExactlyInAnyOrderElementsOf(generated.lines().toList());
	}

}

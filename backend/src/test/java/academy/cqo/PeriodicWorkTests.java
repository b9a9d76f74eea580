package academy.cqo;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

import academy.cqo.platform.Background;
import academy.cqo.platform.Sweep;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Periodic and background work has one mechanism: a module declares a {@link Sweep} bean
 * (run by the platform with a lease, logging and metrics) or hands work to
 * {@link Background}; nobody schedules or subscribes on their own.
 */
class PeriodicWorkTests {

	private static final DescribedPredicate<JavaCall<?>> SUBSCRIBE = target(name("subscribe"))
		.and(target(owner(assignableTo(Publisher.class))));

	private static JavaClasses main;

	@BeforeAll
	static void importMainClasses() {
		main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("academy.cqo");
	}

	@Test
	void noModuleSchedulesItsOwnJobs() {
		noClasses().should().implement(SchedulingConfigurer.class).check(main);
		noMethods().should().beAnnotatedWith(Scheduled.class).check(main);
	}

	@Test
	void onlyThePlatformSubscribes() {
		classes().that()
			.haveFullyQualifiedName(Background.class.getName())
			.should()
			.callMethodWhere(SUBSCRIBE)
			.as("the rule below recognises a subscribe() call")
			.check(main);
		noClasses().that()
			.doNotHaveFullyQualifiedName(Background.class.getName())
			.and()
			.doNotHaveFullyQualifiedName("academy.cqo.platform.Sweeps")
			.and()
			// a Publisher that hands its subscriber on (the store client's retrying
			// wrapper)
			// is not work started in the background
			.doNotHaveFullyQualifiedName("academy.cqo.platform.store.RetryingMongoClient$Handler")
			.and()
			// a batch of store commands whose outcome its callers each wait for in their
			// own Mono (BatchedReads, BatchedInserts) is not work nobody waits for either
			.doNotHaveFullyQualifiedName("academy.cqo.platform.InFlightBatches")
			.should()
			.callMethodWhere(SUBSCRIBE)
			.check(main);
	}

}

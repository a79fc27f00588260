/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps breaker-core plain Java: no Spring, no Micrometer, no logging library, no
 * printing, no locks in the breaker internals, and no sleeping outside concurrency tests.
 */
class ArchitectureTests {

	// Imported from the build's output folders: scanning the class path for the package
	// would read every jar on it.
	private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target", "classes"));

	private static final JavaClasses TESTS = new ClassFileImporter().importPath(Path.of("target", "test-classes"));

	@Test
	void importedTheClassesOfBothSourceSets() {
		assertThat(MAIN.contain(CircuitBreaker.class)).isTrue();
		assertThat(MAIN.contain("dev.breaker.internal.LocalCircuitBreaker")).isTrue();
		assertThat(MAIN.contain(ArchitectureTests.class)).isFalse();
		assertThat(TESTS.contain(ArchitectureTests.class)).isTrue();
	}

	@Test
	void coreUsesNoFrameworkMetricsOrLoggingLibrary() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "org.slf4j..", "org.apache.logging..",
					"org.apache.commons.logging..", "ch.qos.logback..", "java.util.logging..", "org.jboss.logging..",
					"reactor..", "io.lettuce..", "redis.clients..")
			.because("breaker-core has no run-time dependencies and logs through System.Logger")
			.check(MAIN);
	}

	@Test
	void coreNeverPrintsToTheConsole() {
		noClasses().should()
			.accessField(System.class, "out")
			.orShould()
			.accessField(System.class, "err")
			.orShould()
			.callMethod(Throwable.class, "printStackTrace")
			.because("operators read the log, not stdout")
			.check(MAIN);
	}

	@Test
	void breakerInternalsTakeNoLocks() {
		noClasses().that()
			.resideInAPackage("dev.breaker.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("java.util.concurrent.locks..")
			.because("the hot path is lock-free (virtual-thread friendly)")
			.check(MAIN);
		methods().that()
			.areDeclaredInClassesThat()
			.resideInAPackage("dev.breaker.internal..")
			.should()
			.notHaveModifier(JavaModifier.SYNCHRONIZED)
			.check(MAIN);
	}

	@Test
	void coreNeverSleeps() {
		sleeping().check(MAIN);
	}

	@Test
	void onlyConcurrencyTestsSleep() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("ConcurrencyTests")
			.should()
			.callMethod(Thread.class, "sleep", long.class)
			.orShould()
			.callMethod(Thread.class, "sleep", long.class, int.class)
			.orShould()
			.callMethod(Thread.class, "sleep", Duration.class)
			.orShould()
			.callMethod(TimeUnit.class, "sleep", long.class)
			.because("tests advance a ManualTicker instead")
			.check(TESTS);
	}

	private static ArchRule sleeping() {
		return noClasses().should()
			.callMethod(Thread.class, "sleep", long.class)
			.orShould()
			.callMethod(Thread.class, "sleep", long.class, int.class)
			.orShould()
			.callMethod(TimeUnit.class, "sleep", long.class);
	}

}

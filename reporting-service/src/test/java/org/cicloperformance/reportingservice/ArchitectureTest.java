package org.cicloperformance.reportingservice;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The structure of reporting-service, pinned (docs/architecture.md, "where to find what"): feature packages
 * depend on each other one way only, the scoring engine is plain Java, and HTTP stays in the packages that serve
 * it.
 */
class ArchitectureTest {

	private static final String ROOT = "org.cicloperformance.reportingservice";

	private static final JavaClasses MAIN = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

	/** Public types no other package uses, and why they are public. */
	private static final java.util.Set<String> JUSTIFIED_PUBLIC = java.util.Set.of(
			// the main class, started by Spring Boot's launcher
			"org.cicloperformance.reportingservice.ReportingServiceApplication",
			// the access tests of security/ read what the audit trail recorded
			"org.cicloperformance.reportingservice.audit.AuditTrail",
			"org.cicloperformance.reportingservice.audit.AuditEntry");

	/** No cycle between the service's feature packages (each top-level package with its sub-packages). */
	static ArchRule noCyclesBetweenFeatures(String root) {
		return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
	}

	@Test
	void featurePackagesDependOnEachOtherOneWayOnly() {
		noCyclesBetweenFeatures(ROOT).check(MAIN);
	}

	@Test
	void theCycleRuleFailsOnACycle() {
		JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".cyclefixture");

		assertThat(fixture).hasSizeGreaterThanOrEqualTo(2);
		assertThat(noCyclesBetweenFeatures(ROOT + ".cyclefixture").evaluate(fixture).hasViolation()).isTrue();
	}

	@Test
	void theEngineIsFreeOfSpringAndMongoDb() {
		noClasses().that().resideInAPackage(ROOT + ".engine..").should().dependOnClassesThat()
				.resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "jakarta..")
				.because("the engine is the pure scoring arithmetic (docs/scoring-rules.md), testable without Spring")
				.check(MAIN);
	}

	@Test
	void theEvaluationRulesAreFreeOfSpringAndMongoDb() {
		noClasses().that().resideInAPackage(ROOT + ".evaluation").should().dependOnClassesThat()
				.resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "jakarta..")
				.because("the evaluation rules (docs/evaluation.md) are plain Java; their store and API live in "
						+ "evaluation.store and evaluation.web")
				.check(MAIN);
	}

	/**
	 * Controllers, servlet and HTTP types only where the service speaks HTTP: the {@code web} packages (the JSON
	 * API, its problems) and {@code dashboard}, which is the server-rendered web application as a whole. security
	 * and audit are the HTTP layer's own cross-cutting filters (owned by their helper: exempt here).
	 */
	@Test
	void webTypesStayInWebPackages() {
		noClasses().that().resideOutsideOfPackages(ROOT + "..web..", ROOT + ".dashboard..", ROOT + ".security..",
				ROOT + ".audit..").should().dependOnClassesThat(describe("Spring MVC, HTTP or servlet types",
						c -> c.getPackageName().startsWith("org.springframework.web")
								|| c.getPackageName().startsWith("org.springframework.http")
								|| c.getPackageName().startsWith("jakarta.servlet")))
				.check(MAIN);
	}

	/**
	 * Package-private by default (docs/contributing.md): a public top-level type is one that another package of the
	 * service uses (itself or one of its nested types), or one named in {@code JUSTIFIED_PUBLIC} with its reason.
	 */
	@Test
	void publicTypesAreThoseAnotherPackageUses() {
		assertThat(publicTypesNoOtherPackageUses(MAIN)).as("public types no other package uses: make them "
				+ "package-private, or justify them in JUSTIFIED_PUBLIC").isEmpty();
	}

	@Test
	void thePublicTypeRuleFindsAnUnusedPublicType() {
		JavaClasses fixture = new ClassFileImporter().importClasses(ArchitectureTest.class, UnusedPublicFixture.class);

		assertThat(publicTypesNoOtherPackageUses(fixture)).contains(UnusedPublicFixture.class.getName());
	}

	static java.util.List<String> publicTypesNoOtherPackageUses(JavaClasses classes) {
		return classes.stream()
			.filter(c -> c.isTopLevelClass() && c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
			.filter(c -> !JUSTIFIED_PUBLIC.contains(c.getName()))
			.filter(c -> classes.stream()
				.filter(t -> t.equals(c) || t.getName().startsWith(c.getName() + "$"))
				.flatMap(t -> t.getDirectDependenciesToSelf().stream())
				.noneMatch(d -> !d.getOriginClass().getPackageName().equals(c.getPackageName())))
			.map(com.tngtech.archunit.core.domain.JavaClass::getName)
			.sorted()
			.toList();
	}
}

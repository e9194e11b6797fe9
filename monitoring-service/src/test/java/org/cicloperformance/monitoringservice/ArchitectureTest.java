package org.cicloperformance.monitoringservice;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The structure of monitoring-service, pinned: feature packages depend on each other one way only; the pure rules
 * (ResultChecker, DeviationCalculator, the refusal values) know neither Spring nor MongoDB; web types live in
 * {@code web} packages.
 */
class ArchitectureTest {

	private static final String ROOT = "org.cicloperformance.monitoringservice";

	private static final JavaClasses MAIN = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

	/** Public types no other package uses, and why they are public. */
	private static final java.util.Set<String> JUSTIFIED_PUBLIC = java.util.Set.of(
			// the main class, started by Spring Boot's launcher
			"org.cicloperformance.monitoringservice.MonitoringServiceApplication",
			// the consumer's record of plan-events, read against plan-service's golden sample by tests of several packages
			"org.cicloperformance.monitoringservice.plan.PlanEvent");

	/**
	 * No cycle between the top-level packages under {@code root}. security owns the small interfaces the others
	 * implement (the audit's recorder, an upload limit), so it depends on no feature.
	 */
	static ArchRule noCyclesBetweenFeatures(String root) {
		return slices().matching(root + ".(*)..").should().beFreeOfCycles();
	}

	@Test
	void featurePackagesDependOnEachOtherOneWayOnly() {
		noCyclesBetweenFeatures(ROOT).check(MAIN);
	}

	@Test
	void theCycleRuleFailsOnACycle() {
		JavaClasses fixture = new ClassFileImporter().importPackages("org.cicloperformance.archfixture.cycle");
		assertThatThrownBy(() -> noCyclesBetweenFeatures("org.cicloperformance.archfixture.cycle").check(fixture))
				.isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
	}

	@Test
	void thePureRulesKnowNeitherSpringNorMongo() {
		noClasses().that(describe("are ResultChecker, DeviationCalculator or the refusal values",
				c -> c.getName().matches(".*\\.result\\.(ResultChecker|DeviationCalculator)(\\$.*)?")
						|| c.getPackageName().equals(ROOT + ".refusal")))
				.should().dependOnClassesThat()
				.resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
				.check(MAIN);
	}

	@Test
	void controllersAndProblemMappingLiveInWebPackages() {
		classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(RestControllerAdvice.class)
				.and().resideOutsideOfPackage(ROOT + ".audit..")
				.should().resideInAPackage("..web..")
				.check(MAIN);
	}

	@Test
	void onlyWebPackagesUseTheWebApis() {
		noClasses().that().resideOutsideOfPackages("..web..", ROOT + ".security..", ROOT + ".audit..")
				.should().dependOnClassesThat()
				.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
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

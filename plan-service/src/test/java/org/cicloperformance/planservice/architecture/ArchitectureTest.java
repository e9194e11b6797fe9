package org.cicloperformance.planservice.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanRepository;
import org.cicloperformance.planservice.plan.PlanService;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The structure of plan-service, pinned: one-way package dependencies, web code in web packages, a plain domain. */
class ArchitectureTest {

	static final String ROOT = "org.cicloperformance.planservice";

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** Public types no other package uses, and why they are public. */
	private static final java.util.Set<String> JUSTIFIED_PUBLIC = java.util.Set.of(
			// the main class, started by Spring Boot's launcher
			"org.cicloperformance.planservice.PlanServiceApplication",
			// the event contract test (plan.messaging) checks the golden sample with the same rules
			"org.cicloperformance.planservice.plan.PlanValidator");

	/**
	 * No cycle between the packages under {@code root}, at every depth (features and their web/messaging parts).
	 * security owns the small interface the audit filter implements ({@code AuditedRequests.Recorder}), so audit
	 * depends on security and not the reverse.
	 */
	static ArchRule noCycles(String root) {
		return slices().matching(root + ".(**)")
			.should()
			.beFreeOfCycles();
	}

	@Test
	void packagesDependOnEachOtherOneWayOnly() {
		noCycles(ROOT).check(MAIN);
	}

	@Test
	void theCycleRuleFailsOnACycle() {
		var cyclic = new ClassFileImporter().importPackages(ROOT + ".architecture.cyclic");

		assertThatThrownBy(() -> noCycles(ROOT + ".architecture.cyclic").check(cyclic))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected");
	}

	/** Exempt: {@code audit.AuditController}, in the audit package that another work item owns (move it to web). */
	@Test
	void controllersAndProblemHandlersLiveInWebPackages() {
		classes().that()
			.resideOutsideOfPackage(ROOT + ".audit..")
			.and()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(RestControllerAdvice.class)
			.or()
			.areAnnotatedWith(ControllerAdvice.class)
			.should()
			.resideInAPackage("..web..")
			.check(MAIN);
	}

	/**
	 * Spring MVC types only in web packages. security and audit are exempt: their servlet filters and 401/403 writers
	 * are web infrastructure by nature (another work item owns those packages).
	 */
	@Test
	void onlyWebPackagesUseSpringMvc() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", ROOT + ".security..", ROOT + ".audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
			.check(MAIN);
	}

	/** The plan's documents and rules are plain Java: only the aggregate root, its store and its use cases know Spring. */
	@Test
	void thePlanDomainIsFreeOfSpringAndMongo() {
		noClasses().that()
			.resideInAPackage(ROOT + ".plan")
			.and(not(belongToAnyOf(Plan.class, PlanRepository.class, PlanService.class)))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
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

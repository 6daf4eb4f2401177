package io.distributedjob;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package rules of the server, held here so that a change breaking them fails the build instead of
 * living on as an unwritten convention.
 */
@AnalyzeClasses(packages = "io.distributedjob", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.distributedjob.";

    /** A cycle between two features means neither can be understood, tested or changed alone. */
    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("io.distributedjob.(*)..")
            .should().beFreeOfCycles();

    /** The scheduling core is driven by adapters and must run without any of them. */
    @ArchTest
    static final ArchRule coreKnowsNoAdapter = noClasses()
            .that().resideInAnyPackage(
                    ROOT + "engine..", ROOT + "execution..", ROOT + "record..", ROOT + "cron..", ROOT + "kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    ROOT + "web..", ROOT + "rpc..", ROOT + "console..", ROOT + "mcp..");

    /** The shared kernel and the access model are used by every feature, so they may use none. */
    @ArchTest
    static final ArchRule sharedPackagesUseNoFeature = classes()
            .that().resideInAnyPackage(ROOT + "kernel..", ROOT + "access..")
            .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                    "are outside the application or in kernel or access",
                    target -> !target.getPackageName().startsWith(ROOT)
                            || inFeature(target, "kernel") || inFeature(target, "access")));

    /** A table belongs to one feature; the others reach its rows through that feature's service or port. */
    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = classes()
            .that().haveSimpleNameEndingWith("Repository").and().resideInAPackage("io.distributedjob..")
            .should(beAccessedOnlyFromTheirOwnFeature());

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnFeature() {
        return new ArchCondition<>("be accessed only from their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                String feature = featureOf(repository);
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!inFeature(origin, feature)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String featureOf(JavaClass type) {
        String rest = type.getPackageName().substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean inFeature(JavaClass type, String feature) {
        return type.getPackageName().startsWith(ROOT) && featureOf(type).equals(feature);
    }
}

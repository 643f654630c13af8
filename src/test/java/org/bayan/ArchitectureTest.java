package org.bayan;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.http.HttpServlet;
import org.bayan.platform.persistence.Transactions;

/**
 * The shape of the code, as rules that fail the build when broken: each feature in one folder,
 * the shared platform below every feature, no feature needing another that needs it back, and
 * the request flow "servlet, one service call, render" kept in its layers.
 */
@AnalyzeClasses(packages = "org.bayan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A service does units of work: it is handed the transactions when it is built. */
    private static final DescribedPredicate<JavaClass> SERVICE = describe("services (built with Transactions)",
            c -> c.getConstructors().stream().anyMatch(k -> k.getRawParameterTypes().stream()
                    .anyMatch(t -> t.isEquivalentTo(Transactions.class))));

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that().resideInAPackage("org.bayan.platform..")
            .should().dependOnClassesThat(describe("outside platform",
                    c -> c.getPackageName().startsWith("org.bayan") && !c.getPackageName().startsWith("org.bayan.platform")))
            .because("platform/ is what features share; a feature it named could not be left out or replaced");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("org.bayan.(*)..")
            .should().beFreeOfCycles()
            .because("where two features need each other, a small interface in the lower one breaks the cycle");

    @ArchTest
    static final ArchRule servletsNeverTouchTheDatabase = noClasses()
            .that().areAssignableTo(HttpServlet.class)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "java.sql..")
            .because("a servlet parses the request, makes one service call and renders");

    @ArchTest
    static final ArchRule servicesNeverSeeTheRequest = noClasses()
            .that(SERVICE).and().doNotHaveFullyQualifiedName(Bootstrap.class.getName())
            .should().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
            .because("a service is one unit of work, callable from a test, a job or a servlet alike");

    @ArchTest
    static final ArchRule onlyBootstrapBuildsServices = constructors()
            .that().areDeclaredInClassesThat(SERVICE)
            .should(onlyBeCalledByBootstrapOrTheirOwnClass())
            .because("the services are wired once at start-up, never looked up or built on the fly");

    private static ArchCondition<JavaConstructor> onlyBeCalledByBootstrapOrTheirOwnClass() {
        // Two composition roots: the web application's and the command line's.
        return new ArchCondition<>("only be called by Bootstrap, ImportCommand or their own class") {
            @Override
            public void check(JavaConstructor k, ConditionEvents events) {
                for (var call : k.getCallsOfSelf()) {
                    JavaClass caller = call.getOriginOwner();
                    if (!caller.isEquivalentTo(Bootstrap.class) && !caller.isEquivalentTo(ImportCommand.class)
                            && !caller.equals(k.getOwner())) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }
}

package io.autoremediate.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's architecture, written down so that it fails: what the engine may depend on, the one-way order of
 * its internal packages, and a public API that does not leak them.
 */
@AnalyzeClasses(packages = "io.autoremediate.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ENGINE = "io.autoremediate.engine";
    private static final String INTERNAL = ENGINE + ".internal";

    /**
     * The internal packages from the bottom up: each may use those before it, never one after it. The journal
     * persists what the scheduler runs; the scheduler drives the interpreter (runtime), which steps the states;
     * a Task state runs through task; all of them see what a state runs with (context); below are the parsers'
     * field reader (definition), Choice rules and Retry/Catch, input/output processing, intrinsics, JSON and
     * the States.* errors.
     */
    private static final List<String> LAYERS = List.of(
            "errors", "json", "intrinsics.functions", "intrinsics", "io", "definition", "choice", "retry",
            "context", "task", "states", "runtime", "scheduler", "journal");

    @ArchTest
    static final ArchRule knowsNothingOfAws = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..")
            .because("the engine runs state machines in process; AWS is the other modules' business");

    @ArchTest
    static final ArchRule knowsNothingOfTheOtherModules = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.autoremediate.functions..", "io.autoremediate.local..",
                    "io.autoremediate.bench..", "io.autoremediate.tests..", "io.autoremediate.deploy..")
            .because("the other modules build on the engine, not the other way round");

    @ArchTest
    static final ArchRule internalSlicesAreFreeOfCycles = slices().matching(INTERNAL + ".(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internalPackagesAreFreeOfCycles = slices().matching(INTERNAL + ".(**)")
            .should().beFreeOfCycles().because("a subpackage, too, is a layer of its own (intrinsics.functions)");

    @ArchTest
    static void internalPackagesDependOnlyOnThoseBelowThem(JavaClasses engine) {
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            List<String> above = LAYERS.subList(layer + 1, LAYERS.size()).stream()
                    .map(name -> INTERNAL + "." + name).toList();
            if (above.isEmpty()) {
                continue;
            }
            noClasses().that().resideInAPackage(INTERNAL + "." + LAYERS.get(layer))
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .because("internal packages are ordered " + LAYERS)
                    .check(engine);
        }
    }

    @ArchTest
    static final ArchRule everyInternalPackageHasItsPlaceInTheOrder = classes()
            .that().resideInAPackage(INTERNAL + "..")
            .should().resideInAnyPackage(LAYERS.stream().map(name -> INTERNAL + "." + name).toArray(String[]::new))
            .because("a new internal package takes its place in ArchitectureTest.LAYERS");

    @ArchTest
    static final ArchRule internalNeverReachesTheDrivers = noClasses().that().resideInAPackage(INTERNAL + "..")
            .should().dependOnClassesThat().belongToAnyOf(ExecutionRuntime.class, StateMachineDefinition.class)
            .because("the driver composes the internals; internals use only the API's value types and clock");

    @ArchTest
    static final ArchRule executableFunctionsAreAnAddOn = noClasses()
            .that().resideOutsideOfPackage(ENGINE + ".functions..")
            .should().dependOnClassesThat().resideInAPackage(ENGINE + ".functions..");

    @ArchTest
    static final ArchRule thePublicApiShowsNoInternalType = members()
            .that().areDeclaredInClassesThat().resideInAnyPackage(ENGINE, ENGINE + ".functions")
            .and().areDeclaredInClassesThat().arePublic()
            .and(areVisibleOutsideTheEngine())
            .should(notMentionInternalTypes());

    private static DescribedPredicate<JavaMember> areVisibleOutsideTheEngine() {
        return DescribedPredicate.describe("are public or protected", member ->
                member.getModifiers().contains(JavaModifier.PUBLIC)
                        || member.getModifiers().contains(JavaModifier.PROTECTED));
    }

    private static ArchCondition<JavaMember> notMentionInternalTypes() {
        return new ArchCondition<>("not mention a type of " + INTERNAL + " in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>();
                if (member instanceof JavaField field) {
                    types.add(field.getRawType());
                } else if (member instanceof JavaCodeUnit code) {
                    types.add(code.getRawReturnType());
                    types.addAll(code.getRawParameterTypes());
                    types.addAll(code.getThrowsClause().getTypes());
                }
                types.stream().filter(type -> type.getPackageName().startsWith(INTERNAL))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " shows " + type.getName())));
            }
        };
    }

}

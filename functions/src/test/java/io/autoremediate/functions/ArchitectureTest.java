package io.autoremediate.functions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the Lambda code, checked on its compiled classes. Handlers call the domain through its
 * ports (interfaces beside the types they speak, e.g. {@code runbook.RunbookStore}); adapters implement those
 * ports; only the wiring, the composition root, knows the adapters and builds them.
 */
@AnalyzeClasses(packages = "io.autoremediate.functions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String HANDLERS = "io.autoremediate.functions.handlers..";
    private static final String WIRING = "io.autoremediate.functions.wiring..";
    private static final String ADAPTERS = "io.autoremediate.functions.adapters..";
    private static final String ERRORS = "io.autoremediate.functions.errors..";
    private static final String[] DOMAIN = {"io.autoremediate.functions.alarm..", "io.autoremediate.functions.command..",
        "io.autoremediate.functions.guard..", "io.autoremediate.functions.incident..",
        "io.autoremediate.functions.intake..", "io.autoremediate.functions.notify..",
        "io.autoremediate.functions.resolve..", "io.autoremediate.functions.runbook..",
        "io.autoremediate.functions.send..", "io.autoremediate.functions.settings..", ERRORS,
        "io.autoremediate.functions.json.."};

    @ArchTest
    static final ArchRule handlersReachAdaptersOnlyThroughTheWiring = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Handlers").definedBy(HANDLERS)
            .layer("Wiring").definedBy(WIRING)
            .layer("Adapters").definedBy(ADAPTERS)
            .layer("Domain").definedBy(DOMAIN)
            .whereLayer("Handlers").mayNotBeAccessedByAnyLayer()
            .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Handlers")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Wiring");

    @ArchTest
    static final ArchRule theDomainKnowsNothingOfAws = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..", "org.crac..")
            .because("the domain runs unchanged on the local runtime, which has no AWS");

    @ArchTest
    static final ArchRule handlersUseNoAwsSdk = noClasses().that().resideInAPackage(HANDLERS)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("AWS calls are the adapters' job; a handler only knows the Lambda runtime's interfaces");

    @ArchTest
    static final ArchRule theErrorsTheStateMachineNamesDependOnNothingOfOurs = classes().that().resideInAPackage(ERRORS)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ERRORS)
            .because("every layer throws them and the state machine names them by class");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.autoremediate.functions.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theAwsAndWebhookAdaptersAreApart = slices().matching("io.autoremediate.functions.adapters.(*)..")
            .should().notDependOnEachOther();
}

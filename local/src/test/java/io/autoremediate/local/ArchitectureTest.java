package io.autoremediate.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.functions.guard.ExecutionLedger;

/**
 * The shape of {@code local/}, written down so that it fails when it drifts: packages depend one way, every
 * entry point composes the one {@code LocalRuntime}, and the Lambda handlers are bound in one place.
 */
@AnalyzeClasses(packages = "io.autoremediate.local", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String RUNTIME = "io.autoremediate.local.runtime..";

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.autoremediate.local.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule handlersAreBoundOnlyByTheOneBinding = noClasses()
            .that().doNotHaveFullyQualifiedName("io.autoremediate.local.runtime.RemediationFunctions")
            .should().dependOnClassesThat().resideInAPackage("io.autoremediate.functions.handlers..")
            .because("the six handlers are bound to local adapters once, in RemediationFunctions");

    @ArchTest
    static final ArchRule onlyTheLocalRuntimeBuildsAnEngineRuntime = noClasses()
            .that().doNotHaveFullyQualifiedName("io.autoremediate.local.runtime.LocalRuntime")
            .should().dependOnClassesThat().belongToAnyOf(ExecutionRuntime.Builder.class)
            .because("demo, replay, execute, serve and the tests compose one runtime, LocalRuntime");

    @ArchTest
    static final ArchRule theGuardReadsOneLedger = classes()
            .that().implement(ExecutionLedger.class)
            .should().haveFullyQualifiedName("io.autoremediate.local.runtime.RuntimeLedger")
            .because("the guard reads the executions of the runtime it runs in, whichever command composed it");

    /** Commands on top; then the three ways to run (demo, replay, serve); then the runtime; then the stand-ins. */
    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("command line").definedBy("..local.cli..")
            .layer("entry points").definedBy("..local.demo..", "..local.replay..", "..local.sfn..")
            .layer("runtime").definedBy(RUNTIME)
            .layer("stand-ins").definedBy("..local.arn..", "..local.adapters..", "..local.cloudwatch..",
                    "..local.monitor..", "..local.events..", "..local.timeline..", "..local.json..")
            .whereLayer("command line").mayNotBeAccessedByAnyLayer()
            .whereLayer("entry points").mayOnlyBeAccessedByLayers("command line")
            .whereLayer("runtime").mayOnlyBeAccessedByLayers("command line", "entry points");

    @ArchTest
    static final ArchRule demoDependsOnNoOtherEntryPoint = noClasses().that().resideInAPackage("..local.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.replay..", "..local.sfn..");

    @ArchTest
    static final ArchRule replayDependsOnNoOtherEntryPoint = noClasses().that().resideInAPackage("..local.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.demo..", "..local.sfn..");

    @ArchTest
    static final ArchRule serveDependsOnNoOtherEntryPoint = noClasses().that().resideInAPackage("..local.sfn..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.demo..", "..local.replay..");

    @ArchTest
    static final ArchRule onlyTheApprovalClientSpeaksToAws = noClasses()
            .that().resideOutsideOfPackage("io.autoremediate.local.sfn.client..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("the local runtime stands in for AWS; only approve and deny call a running serve with the SDK");

    @ArchTest
    static final ArchRule onlyTheCommandLineUsesPicocli = noClasses()
            .that().resideOutsideOfPackage("io.autoremediate.local.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");
}

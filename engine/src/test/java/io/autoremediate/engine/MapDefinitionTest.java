package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which Map fields a definition may use in which processing mode. The Step Functions Developer Guide lists
 * Label, ItemReader, ItemBatcher, ResultWriter and the ToleratedFailure* fields under "Distributed Map state
 * fields" (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html) and none of them
 * among the Inline Map fields (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html), so an
 * INLINE Map using one is refused, naming the state and the field, rather than the field being ignored.
 */
class MapDefinitionTest {
    private static final String MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map",%s"End":true,
               "ItemProcessor":{%s"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";
    private static final String DISTRIBUTED = "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},";

    private static List<String> problems(String mapFields, String processorConfig) {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class,
                () -> StateMachineDefinition.parse(MAP.formatted(mapFields, processorConfig)));
        assertThat(e).as("expected the definition to be invalid").isNotNull();
        return e.problems();
    }

    private static void assertValid(String mapFields, String processorConfig) {
        assertThat(StateMachineDefinition.parse(MAP.formatted(mapFields, processorConfig)).startAt()).isEqualTo("M");
    }

    @Test
    void toleratedFailureCountInAnInlineMapIsRefused() {
        assertThat(problems("\"ToleratedFailureCount\":1,", "")).containsExactly("State 'M': 'ToleratedFailureCount' "
                + "is allowed only in a Distributed Map (ItemProcessor.ProcessorConfig.Mode DISTRIBUTED); this Map "
                + "runs INLINE");
    }

    @Test
    void everyDistributedOnlyFieldInAnExplicitlyInlineMapIsRefused() {
        List<String> found = problems("""
                "ToleratedFailurePercentage":5,"ToleratedFailureCountPath":"$.c",
                "ToleratedFailurePercentagePath":"$.p","Label":"x",""", "\"ProcessorConfig\":{\"Mode\":\"INLINE\"},");

        assertThat(found).hasSize(4).allMatch(p -> p.startsWith("State 'M': '") && p.endsWith("this Map runs INLINE"));
    }

    @Test
    void toleratedFailureFieldsInADistributedMapAreValid() {
        assertValid("\"ToleratedFailureCount\":0,\"ToleratedFailurePercentage\":12.5,\"Label\":\"batch\",", DISTRIBUTED);
        assertValid("\"ToleratedFailureCountPath\":\"$.c\",\"ToleratedFailurePercentagePath\":\"$.p\",", DISTRIBUTED);
    }

    @Test
    void aToleratedFailureFieldAndItsPathTogetherAreRefused() {
        assertThat(problems("\"ToleratedFailureCount\":1,\"ToleratedFailureCountPath\":\"$.c\",", DISTRIBUTED))
                .containsExactly("State 'M': 'ToleratedFailureCount' and 'ToleratedFailureCountPath' are mutually "
                        + "exclusive");
        assertThat(problems("\"ToleratedFailurePercentage\":1,\"ToleratedFailurePercentagePath\":\"$.p\",",
                DISTRIBUTED)).containsExactly("State 'M': 'ToleratedFailurePercentage' and "
                + "'ToleratedFailurePercentagePath' are mutually exclusive");
    }

    @Test
    void toleratedFailureValuesOutOfRangeAreRefused() {
        // maprun-fail-threshold.html: a percentage "between zero and 100"; UpdateMapRun: count minimum 0.
        assertThat(problems("\"ToleratedFailurePercentage\":100.5,", DISTRIBUTED)).containsExactly(
                "State 'M': 'ToleratedFailurePercentage' must be a number from 0 to 100, but was 100.5");
        assertThat(problems("\"ToleratedFailureCount\":-1,", DISTRIBUTED)).containsExactly(
                "State 'M': 'ToleratedFailureCount' must be an integer of at least 0, but was -1");
        assertThat(problems("\"ToleratedFailureCount\":1.5,", DISTRIBUTED)).containsExactly(
                "State 'M': 'ToleratedFailureCount' must be an integer of at least 0, but was 1.5");
    }

    @Test
    void itemReaderIsRefusedAsNotSupportedLocally() {
        assertThat(problems("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}},""",
                DISTRIBUTED)).containsExactly("State 'M': 'ItemReader' is not supported by this engine: it reads the "
                + "items from Amazon S3; give them in the state input at ItemsPath instead");
    }

    @Test
    void resultWriterAndItemBatcherAreRefusedAsNotSupportedLocally() {
        List<String> found = problems("""
                "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b","Prefix":"p"}},
                "ItemBatcher":{"MaxItemsPerBatch":10},""", DISTRIBUTED);

        assertThat(found).containsExactlyInAnyOrder(
                "State 'M': 'ResultWriter' is not supported by this engine: it writes the results to Amazon S3",
                "State 'M': 'ItemBatcher' is not supported by this engine: batching items into child executions is "
                        + "not implemented");
    }

    @Test
    void anUnknownProcessingModeIsRefused() {
        assertThat(problems("", "\"ProcessorConfig\":{\"Mode\":\"REMOTE\"},")).containsExactly(
                "State 'M': 'ItemProcessor.ProcessorConfig': 'Mode' must be INLINE or DISTRIBUTED, but was 'REMOTE'");
    }

    @Test
    void executionTypeIsForDistributedModeOnlyAndMustBeStandardOrExpress() {
        assertThat(problems("", "\"ProcessorConfig\":{\"Mode\":\"INLINE\",\"ExecutionType\":\"STANDARD\"},"))
                .containsExactly("State 'M': 'ItemProcessor.ProcessorConfig': 'ExecutionType' is allowed only when "
                        + "'Mode' is DISTRIBUTED");
        assertThat(problems("", "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"BATCH\"},"))
                .containsExactly("State 'M': 'ItemProcessor.ProcessorConfig': 'ExecutionType' must be STANDARD or "
                        + "EXPRESS, but was 'BATCH'");
        assertValid("", "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"EXPRESS\"},");
    }

    @Test
    void distributedModeRequiresAnExecutionType() {
        // aws-cdk ProcessorConfig.executionType: "you must provide this field if you specified DISTRIBUTED for the
        // mode sub-field" (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.ProcessorConfig.html).
        assertThat(problems("", "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\"},")).containsExactly(
                "State 'M': 'ItemProcessor.ProcessorConfig': 'ExecutionType' (STANDARD or EXPRESS) is required when "
                        + "'Mode' is DISTRIBUTED");
    }

    @Test
    void anUnknownProcessorConfigFieldIsRefused() {
        assertThat(problems("", "\"ProcessorConfig\":{\"Mode\":\"INLINE\",\"Speed\":\"FAST\"},")).containsExactly(
                "State 'M': 'ItemProcessor.ProcessorConfig': field 'Speed' is not supported by a ProcessorConfig");
    }
}

package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.autoremediate.functions.adapters.aws.SfnStub.STATE_MACHINE_ARN;
import static io.autoremediate.functions.adapters.aws.SfnStub.answer;
import static io.autoremediate.functions.adapters.aws.SfnStub.call;
import static io.autoremediate.functions.adapters.aws.SfnStub.error;
import static io.autoremediate.functions.adapters.aws.SfnStub.sentBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.intake.StartedExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SfnExecutionStarterTest {

    @RegisterExtension
    static WireMockExtension sfn = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String NAME = "webapp-uptime_i-0123456789abcdef0_20240102T030405Z_1a2b3c4d";
    private static final String EXECUTION_ARN =
            "arn:aws:states:us-east-1:123456789012:execution:remediation:" + NAME;
    private static final String INPUT = "{\"alarmEvent\": {\"detail\": {\"alarmName\": \"webapp-uptime\"}}}";

    private final SfnExecutionStarter starter = new SfnExecutionStarter(SdkClients.sfn(sfn.baseUrl()), STATE_MACHINE_ARN);

    @Test
    void startSendsTheNameAndInputAndReturnsTheNewExecution() {
        sfn.stubFor(call("StartExecution").willReturn(answer(
                "{\"executionArn\": \"" + EXECUTION_ARN + "\", \"startDate\": 1704164645.123}")));

        StartedExecution started = starter.start(NAME, INPUT);

        assertThat(started).isEqualTo(new StartedExecution(NAME, EXECUTION_ARN, false));
        JsonNode sent = sentBody(sfn, "StartExecution");
        assertThat(sent.path("stateMachineArn").asText()).isEqualTo(STATE_MACHINE_ARN);
        assertThat(sent.path("name").asText()).isEqualTo(NAME);
        assertThat(sent.path("input").asText()).isEqualTo(INPUT);
        sfn.verify(postRequestedFor(urlEqualTo("/")).withHeader("Content-Type", containing(SfnStub.CONTENT_TYPE)));
    }

    @Test
    void nameAlreadyUsedIsADuplicateWithThatExecutionsArn() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "ExecutionAlreadyExists",
                "Execution Already Exists: '" + EXECUTION_ARN + "'")));

        StartedExecution started = starter.start(NAME, INPUT);

        assertThat(started).isEqualTo(new StartedExecution(NAME, EXECUTION_ARN, true));
    }

    @Test
    void executionArnIsBuiltInTheStateMachinesPartitionRegionAndAccount() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "ExecutionAlreadyExists", "exists")));
        SfnExecutionStarter china = new SfnExecutionStarter(SdkClients.sfn(sfn.baseUrl()),
                "arn:aws-cn:states:cn-north-1:210987654321:stateMachine:fix-it");

        assertThat(china.start("n-1", "{}").executionArn())
                .isEqualTo("arn:aws-cn:states:cn-north-1:210987654321:execution:fix-it:n-1");
    }

    @Test
    void throttledStartIsUnavailable() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(() -> starter.start(NAME, INPUT))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("Step Functions StartExecution on state machine " + STATE_MACHINE_ARN)
                .hasMessageContaining("ThrottlingException");
    }

    @Test
    void serverErrorIsUnavailable() {
        sfn.stubFor(call("StartExecution").willReturn(error(500, "InternalFailure", "oops")));

        assertThatThrownBy(() -> starter.start(NAME, INPUT))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void tooManyOpenExecutionsIsUnavailableBecauseItClearsAsTheyEnd() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "ExecutionLimitExceeded",
                "The maximum number of running executions has been reached.")));

        assertThatThrownBy(() -> starter.start(NAME, INPUT)).isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void accessDeniedIsRefusedNamingThePermission() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/intake/fn is not authorized to perform: "
                        + "states:StartExecution on resource: " + STATE_MACHINE_ARN)));

        assertThatThrownBy(() -> starter.start(NAME, INPUT))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("allows states:StartExecution on state machine " + STATE_MACHINE_ARN);
    }

    @Test
    void missingStateMachineIsRefusedNamingTheVariable() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "StateMachineDoesNotExist",
                "State Machine Does Not Exist: '" + STATE_MACHINE_ARN + "'")));

        assertThatThrownBy(() -> starter.start(NAME, INPUT))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("STATE_MACHINE_ARN");
    }

    @Test
    void invalidNameIsRefusedPointingAtHowTheNameIsBuilt() {
        sfn.stubFor(call("StartExecution").willReturn(error(400, "InvalidName", "Invalid Name: 'a b'")));

        assertThatThrownBy(() -> starter.start("a b", INPUT))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("execution 'a b'")
                .hasMessageContaining("naming rules");
    }

    @Test
    void somethingThatIsNotAStateMachineArnIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new SfnExecutionStarter(SdkClients.sfn(sfn.baseUrl()),
                "arn:aws:lambda:us-east-1:123456789012:function:remediation"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STATE_MACHINE_ARN");
    }
}

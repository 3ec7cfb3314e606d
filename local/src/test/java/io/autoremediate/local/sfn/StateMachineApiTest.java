package io.autoremediate.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** State machine operations through the real AWS SDK v2 client (Step Functions API reference shapes). */
class StateMachineApiTest {
    static final String PASS = """
            {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}""";
    static final String BROKEN = """
            {"StartAt": "First", "States": {"First": {"Type": "Pass", "Next": "Nowhere"}}}""";

    @TempDir
    Path dir;
    SfnHarness harness;

    @BeforeEach
    void start() throws IOException {
        harness = new SfnHarness(dir, dir, Map.of());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void createdStateMachineIsDescribedWithItsDefinitionRoleAndEpochCreationDate() {
        Instant before = Instant.now().minusSeconds(1);
        String arn = harness.createStateMachine("hello", PASS);

        DescribeStateMachineResponse described = harness.sfn.describeStateMachine(r -> r.stateMachineArn(arn));

        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:hello");
        assertThat(described.name()).isEqualTo("hello");
        assertThat(described.definition()).isEqualTo(PASS);
        assertThat(described.roleArn()).isEqualTo(SfnHarness.ROLE);
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(described.status()).isEqualTo(StateMachineStatus.ACTIVE);
        assertThat(described.creationDate()).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void creatingTheSameStateMachineAgainIsIdempotentButADifferentDefinitionAlreadyExists() {
        String arn = harness.createStateMachine("twice", PASS);

        assertThat(harness.createStateMachine("twice", PASS)).isEqualTo(arn);
        assertThatThrownBy(() -> harness.createStateMachine("twice", PASS.replace("Done", "Finished")))
                .isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageContaining(arn);
    }

    @Test
    void updateReplacesTheDefinitionAndTheRevision() {
        String arn = harness.createStateMachine("changing", PASS);
        String revision = harness.sfn.describeStateMachine(r -> r.stateMachineArn(arn)).revisionId();
        String changed = PASS.replace("Done", "Finished");

        harness.sfn.updateStateMachine(r -> r.stateMachineArn(arn).definition(changed));

        DescribeStateMachineResponse described = harness.sfn.describeStateMachine(r -> r.stateMachineArn(arn));
        assertThat(described.definition()).isEqualTo(changed);
        assertThat(described.revisionId()).isNotEqualTo(revision);
    }

    @Test
    void listStateMachinesPagesWithNextToken() {
        for (String name : new String[] {"a", "b", "c"}) {
            harness.createStateMachine(name, PASS);
        }

        ListStateMachinesResponse first = harness.sfn.listStateMachines(r -> r.maxResults(2));
        ListStateMachinesResponse second = harness.sfn.listStateMachines(r -> r.maxResults(2)
                .nextToken(first.nextToken()));

        assertThat(first.stateMachines()).extracting("name").containsExactly("a", "b");
        assertThat(second.stateMachines()).extracting("name").containsExactly("c");
        assertThat(second.nextToken()).isNull();
        assertThat(harness.sfn.listStateMachinesPaginator(r -> r.maxResults(1)).stateMachines())
                .extracting("name").containsExactly("a", "b", "c");
    }

    @Test
    void deletedStateMachineNoLongerExistsAndDeletingAgainSucceedsAsInAws() {
        String arn = harness.createStateMachine("doomed", PASS);

        harness.sfn.deleteStateMachine(r -> r.stateMachineArn(arn));
        harness.sfn.deleteStateMachine(r -> r.stateMachineArn(arn));

        assertThatThrownBy(() -> harness.sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageContaining("State Machine Does Not Exist: '" + arn + "'");
    }

    @Test
    void invalidDefinitionIsRefusedNamingTheStateAndTheField() {
        assertThatThrownBy(() -> harness.createStateMachine("broken", BROKEN))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("First")
                .hasMessageContaining("Nowhere");
    }

    @Test
    void nonLambdaTaskResourceIsRefusedAtCreateBecauseThisEngineCannotRunIt() {
        String sns = """
                {"StartAt": "Publish", "States": {"Publish": {"Type": "Task",
                  "Resource": "arn:aws:states:::sns:publish", "End": true}}}""";

        assertThatThrownBy(() -> harness.createStateMachine("sns", sns))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("sns:publish");
    }

    @Test
    void badNamesRolesArnsAndTypesAreRefusedWithTheirAwsErrors() {
        assertThatThrownBy(() -> harness.createStateMachine("has space", PASS)).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> harness.sfn.createStateMachine(r -> r.name("x").definition(PASS).roleArn("admin")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> harness.sfn.createStateMachine(r -> r.name("x").definition(PASS)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("roleArn");
        assertThatThrownBy(() -> harness.sfn.createStateMachine(r -> r.name("x").definition(PASS)
                .roleArn(SfnHarness.ROLE).type(StateMachineType.EXPRESS)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
        assertThatThrownBy(() -> harness.sfn.describeStateMachine(r -> r.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> harness.sfn.describeStateMachine(r -> r.stateMachineArn(
                "arn:aws:states:eu-west-1:123456789012:stateMachine:elsewhere")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void validateStateMachineDefinitionReturnsOkOrADiagnosticPerProblem() {
        ValidateStateMachineDefinitionResponse ok = harness.sfn.validateStateMachineDefinition(r -> r.definition(PASS));
        ValidateStateMachineDefinitionResponse broken =
                harness.sfn.validateStateMachineDefinition(r -> r.definition(BROKEN));
        ValidateStateMachineDefinitionResponse notJson =
                harness.sfn.validateStateMachineDefinition(r -> r.definition("{"));

        assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(broken.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
        assertThat(broken.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
            assertThat(diagnostic.message()).contains("Nowhere");
            assertThat(diagnostic.location()).isEqualTo("/States/First");
        });
        assertThat(notJson.diagnostics()).extracting("code").containsExactly("INVALID_JSON_DESCRIPTION");
    }

    @Test
    void errorsAreAwsJsonBodiesWithTypeAndMessageAndUnknownTargetsAreRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> missing = http.send(request("AWSStepFunctions.DescribeStateMachine",
                "{\"stateMachineArn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:none\"}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(request("AWSStepFunctions.StartSyncExecution", "{}"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(missing.body()).isEqualTo("{\"__type\":\"StateMachineDoesNotExist\",\"message\":\"State Machine"
                + " Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:none'\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("UnknownOperationException");
    }

    private HttpRequest request(String target, String body) {
        return HttpRequest.newBuilder(URI.create(harness.server.endpoint() + "/"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}

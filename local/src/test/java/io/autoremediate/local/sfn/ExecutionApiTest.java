package io.autoremediate.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** Executions through the real AWS SDK v2 client: start, describe, history, list, stop, names. */
class ExecutionApiTest {
    /** Waits a minute when the input asks for it, else succeeds at once: a running or a finished execution. */
    static final String WAIT_OR_PASS = """
            {"StartAt": "Slow?", "States": {
              "Slow?": {"Type": "Choice", "Choices": [{"Variable": "$.wait", "IsPresent": true, "Next": "Wait"}],
                        "Default": "Greet"},
              "Wait": {"Type": "Wait", "Seconds": 60, "Next": "Greet"},
              "Greet": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hello {}', $.who)"},
                        "End": true}}}""";
    static final Duration SHORT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    SfnHarness harness;
    String machine;

    @BeforeEach
    void start() throws IOException {
        harness = new SfnHarness(dir, dir, Map.of());
        machine = harness.createStateMachine("greeter", WAIT_OR_PASS);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private StartExecutionResponse start(String name, String input) {
        return harness.sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input(input));
    }

    @Test
    void startReturnsAtOnceAndTheExecutionSucceedsWithItsOutput() throws Exception {
        StartExecutionResponse started = start("first", "{\"who\": \"world\"}");

        DescribeExecutionResponse ended = harness.awaitEnd(started.executionArn(), SHORT);

        assertThat(started.executionArn())
                .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:greeter:first");
        assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).isEqualTo("{\"greeting\":\"hello world\"}");
        assertThat(ended.input()).isEqualTo("{\"who\": \"world\"}");
        assertThat(ended.stateMachineArn()).isEqualTo(machine);
        assertThat(ended.startDate()).isEqualTo(started.startDate());
        assertThat(ended.stopDate()).isAfterOrEqualTo(ended.startDate());
    }

    @Test
    void executionWithoutANameGetsAUuidName() throws Exception {
        StartExecutionResponse started = harness.sfn.startExecution(r -> r.stateMachineArn(machine)
                .input("{\"who\": \"x\"}"));

        assertThat(harness.awaitEnd(started.executionArn(), SHORT).name()).matches("[0-9a-f-]{36}");
    }

    @Test
    void historyPagesForwardAndInReverseAndCanLeaveOutExecutionData() throws Exception {
        String arn = start("paged", "{\"who\": \"pages\"}").executionArn();
        harness.awaitEnd(arn, SHORT);

        List<HistoryEvent> forward = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = harness.sfn.getExecutionHistory(r -> r.executionArn(arn)
                    .maxResults(2).nextToken(next));
            assertThat(page.events()).hasSizeLessThanOrEqualTo(2);
            forward.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        List<HistoryEvent> reverse = harness.sfn.getExecutionHistoryPaginator(r -> r.executionArn(arn)
                .reverseOrder(true).maxResults(3)).events().stream().toList();
        HistoryEvent startedWithoutData = harness.sfn.getExecutionHistory(r -> r.executionArn(arn)
                .includeExecutionData(false)).events().get(0);

        assertThat(forward).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.CHOICE_STATE_ENTERED, HistoryEventType.CHOICE_STATE_EXITED,
                HistoryEventType.PASS_STATE_ENTERED, HistoryEventType.PASS_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(forward).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(forward.get(0).executionStartedEventDetails().input()).isEqualTo("{\"who\":\"pages\"}");
        assertThat(forward.get(3).stateEnteredEventDetails().name()).isEqualTo("Greet");
        assertThat(forward.get(5).executionSucceededEventDetails().output()).contains("hello pages");
        assertThat(forward.get(0).timestamp()).isNotNull();
        assertThat(reverse).extracting(HistoryEvent::id).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(startedWithoutData.executionStartedEventDetails().input()).isNull();
        assertThat(startedWithoutData.executionStartedEventDetails().roleArn()).isEqualTo(SfnHarness.ROLE);
    }

    @Test
    void runningExecutionHasAReadableHistoryAndStopAbortsItWithTheGivenErrorAndCause() {
        String arn = start("long", "{\"wait\": true, \"who\": \"patience\"}").executionArn();
        List<HistoryEventType> soFar = awaitHistory(arn, HistoryEventType.WAIT_STATE_ENTERED);

        var stopped = harness.sfn.stopExecution(r -> r.executionArn(arn).error("Operator.Stop").cause("not today"));

        DescribeExecutionResponse described = harness.sfn.describeExecution(r -> r.executionArn(arn));
        List<HistoryEvent> history = harness.sfn.getExecutionHistory(r -> r.executionArn(arn)).events();
        assertThat(soFar).startsWith(HistoryEventType.EXECUTION_STARTED);
        assertThat(described.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(described.stopDate()).isEqualTo(stopped.stopDate());
        assertThat(described.error()).isEqualTo("Operator.Stop");
        assertThat(described.cause()).isEqualTo("not today");
        HistoryEvent last = history.get(history.size() - 1);
        assertThat(last.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(last.executionAbortedEventDetails().error()).isEqualTo("Operator.Stop");
        assertThat(last.previousEventId()).isEqualTo(last.id() - 1);
    }

    @Test
    void sameNameAndInputWhileRunningReturnsTheSameExecutionOtherwiseExecutionAlreadyExists() {
        String input = "{\"wait\": true, \"who\": \"once\"}";
        StartExecutionResponse first = start("alarm-change-1", input);

        StartExecutionResponse again = start("alarm-change-1", input);

        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThatThrownBy(() -> start("alarm-change-1", "{\"wait\": true, \"who\": \"other\"}"))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining(first.executionArn());
        harness.sfn.stopExecution(r -> r.executionArn(first.executionArn()));
        assertThatThrownBy(() -> start("alarm-change-1", input)).isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void closedExecutionNameCannotBeReused() throws Exception {
        String arn = start("done", "{\"who\": \"a\"}").executionArn();
        harness.awaitEnd(arn, SHORT);

        assertThatThrownBy(() -> start("done", "{\"who\": \"a\"}")).isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void listExecutionsIsNewestFirstFiltersByStatusAndPages() throws Exception {
        for (String name : new String[] {"quick-1", "quick-2"}) {
            harness.awaitEnd(start(name, "{\"who\": \"q\"}").executionArn(), SHORT);
        }
        for (String name : new String[] {"slow-1", "slow-2", "slow-3"}) {
            start(name, "{\"wait\": 1, \"who\": \"s\"}");
        }

        ListExecutionsResponse all = harness.sfn.listExecutions(r -> r.stateMachineArn(machine));
        ListExecutionsResponse runningPage = harness.sfn.listExecutions(r -> r.stateMachineArn(machine)
                .statusFilter(ExecutionStatus.RUNNING).maxResults(2));
        ListExecutionsResponse runningRest = harness.sfn.listExecutions(r -> r.stateMachineArn(machine)
                .statusFilter(ExecutionStatus.RUNNING).maxResults(2).nextToken(runningPage.nextToken()));
        ListExecutionsResponse succeeded = harness.sfn.listExecutions(r -> r.stateMachineArn(machine)
                .statusFilter(ExecutionStatus.SUCCEEDED));

        assertThat(all.executions()).extracting("name")
                .containsExactly("slow-3", "slow-2", "slow-1", "quick-2", "quick-1");
        assertThat(all.nextToken()).isNull();
        assertThat(runningPage.executions()).extracting("name").containsExactly("slow-3", "slow-2");
        assertThat(runningRest.executions()).extracting("name").containsExactly("slow-1");
        assertThat(runningRest.nextToken()).isNull();
        assertThat(succeeded.executions()).extracting("name").containsExactly("quick-2", "quick-1");
        assertThat(succeeded.executions().get(0).stopDate()).isNotNull();
        assertThatThrownBy(() -> harness.sfn.listExecutions(r -> r.stateMachineArn(machine)
                .statusFilter(ExecutionStatus.SUCCEEDED).nextToken(runningPage.nextToken())))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void badExecutionRequestsAreRefusedWithTheirAwsErrors() {
        String elsewhere = "arn:aws:states:us-east-1:123456789012:execution:greeter:never";

        assertThatThrownBy(() -> start("bad/name", "{}")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> start("x".repeat(81), "{}")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> start("broken-input", "{\"who\":")).isInstanceOf(InvalidExecutionInputException.class);
        assertThatThrownBy(() -> harness.sfn.startExecution(r -> r.stateMachineArn(machine + "-gone")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> harness.sfn.describeExecution(r -> r.executionArn(elsewhere)))
                .isInstanceOf(ExecutionDoesNotExistException.class)
                .hasMessageContaining(elsewhere);
        assertThatThrownBy(() -> harness.sfn.describeExecution(r -> r.executionArn(machine)))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> harness.sfn.stopExecution(r -> r.executionArn(elsewhere)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> harness.sfn.getExecutionHistory(r -> r.executionArn(elsewhere)))
                .isInstanceOf(ExecutionDoesNotExistException.class);
    }

    @Test
    void runningExecutionKeepsTheDefinitionItStartedWithWhenTheStateMachineIsUpdated() throws Exception {
        String arn = start("before-update", "{\"wait\": true, \"who\": \"v1\"}").executionArn();
        awaitHistory(arn, HistoryEventType.WAIT_STATE_ENTERED);

        harness.sfn.updateStateMachine(r -> r.stateMachineArn(machine).definition(WAIT_OR_PASS.replace("hello", "hi")));
        String after = start("after-update", "{\"who\": \"v2\"}").executionArn();

        assertThat(harness.awaitEnd(after, SHORT).output()).contains("hi v2");
        assertThat(harness.sfn.describeExecution(r -> r.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
    }

    private List<HistoryEventType> awaitHistory(String arn, HistoryEventType wanted) {
        return await(wanted + " in the history of " + arn).atMost(SHORT)
                .until(() -> harness.sfn.getExecutionHistory(r -> r.executionArn(arn)).events().stream()
                        .map(HistoryEvent::type).toList(), types -> types.contains(wanted));
    }
}

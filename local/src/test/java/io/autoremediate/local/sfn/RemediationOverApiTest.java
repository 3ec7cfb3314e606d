package io.autoremediate.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.cli.AutoremediateCli;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.runtime.RemediationFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The real remediation definition, filled as Terraform fills it (Lambda ARNs in us-east-1), created and
 * run through the SDK: the remediation functions bind by their deployed names to local adapters.
 */
class RemediationOverApiTest {
    static final String EVENT = """
            {"version": "0", "id": "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92",
             "detail-type": "CloudWatch Alarm State Change", "source": "aws.cloudwatch",
             "account": "123456789012", "time": "2026-11-25T17:04:40Z", "region": "us-east-1",
             "resources": ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:%1$s"],
             "detail": {"alarmName": "%1$s",
               "configuration": {"description": "test", "metrics": [{"id": "m1", "returnData": true,
                 "metricStat": {"metric": {"dimensions": {"InstanceId": "i-0abc12345def67890"},
                   "name": "%2$s", "namespace": "CustomNamespace"}, "period": 60, "stat": "Minimum"}}]},
               "previousState": {"reason": "ok", "reasonData": "{}", "timestamp": "2026-11-25T17:03:40.989+0000",
                                 "value": "OK"},
               "state": {"reason": "down", "reasonData": "{}", "timestamp": "2026-11-25T17:04:40.989+0000",
                         "value": "ALARM"}}}""";
    static final String FAST = """
            {"pauseBetweenAttemptsSeconds": 0, "pollIntervalSeconds": 1, "recoveryCheckIntervalSeconds": 0,
             "maxRecoveryChecks": 1, "maxAttempts": 1, "guardWaitSeconds": 1, "maxGuardWaits": 0}""";

    @TempDir
    Path dir;
    SfnHarness harness;
    String machine;

    @BeforeEach
    void start() throws IOException {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"),
                "echo \"restarting on $AUTOREMEDIATE_INSTANCE_ID\"\n");
        harness = new SfnHarness(dir.resolve("data"), runbooks, Map.of());
        Map<String, String> arns = new LinkedHashMap<>();
        for (RemediationFunction function : RemediationFunction.values()) {
            arns.put(function.placeholder(),
                    "arn:aws:lambda:us-east-1:123456789012:function:" + function.functionName());
        }
        machine = harness.createStateMachine("autoremediate-remediation", LocalRuntime.bundledTemplate().fill(arns));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private DescribeExecutionResponse run(String name, String alarmName, String metricName) throws InterruptedException {
        String input = "{\"event\": " + EVENT.formatted(alarmName, metricName) + ", \"settings\": " + FAST + "}";
        String arn = harness.sfn.startExecution(r -> r.stateMachineArn(machine).name(name).input(input))
                .executionArn();
        return harness.awaitEnd(arn, Duration.ofSeconds(20));
    }

    @Test
    void alarmWithARunbookIsRemediatedAndTheExecutionSucceeds() throws Exception {
        DescribeExecutionResponse ended = run("webapp-uptime-change", "webapp-uptime", "webapp-uptime");

        assertThat(ended.status()).as("%s: %s", ended.error(), ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ended.output()).contains("REMEDIATE");
        assertThat(Files.readString(dir.resolve("data/notifications.jsonl"))).contains("webapp-uptime");
    }

    @Test
    void alarmWithoutARunbookEscalatesAndFailsWithRemediationEscalated() throws Exception {
        DescribeExecutionResponse ended = run("queue-depth-change", "queue-depth-high", "queue-depth");

        assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(ended.error()).isEqualTo("Remediation.Escalated");
        assertThat(ended.cause()).contains("queue-depth");
    }

    @Test
    void aRunbookAskingForApprovalWaitsForApproveOnTheRunningServe() throws Exception {
        Path marker = dir.resolve("ran");
        Files.writeString(dir.resolve("runbooks/webapp-uptime#CustomNamespace.sh"),
                "# autoremediate: approval=required\ntouch '" + marker + "'\n");
        String input = "{\"event\": " + EVENT.formatted("webapp-uptime", "webapp-uptime") + ", \"settings\": " + FAST + "}";
        String arn = harness.sfn.startExecution(r -> r.stateMachineArn(machine).name("gated").input(input))
                .executionArn();

        String token = awaitApprovalToken(Duration.ofSeconds(20));
        assertThat(harness.sfn.describeExecution(r -> r.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(marker).as("nothing runs before approval").doesNotExist();
        assertThat(AutoremediateCli.run("approve", token, "--endpoint", harness.server.endpoint().toString())).isZero();

        DescribeExecutionResponse ended = harness.awaitEnd(arn, Duration.ofSeconds(20));
        assertThat(ended.status()).as("%s: %s", ended.error(), ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(marker).exists();
    }

    /** The approval request lands in notifications.jsonl with the token to answer it by. */
    private String awaitApprovalToken(Duration timeout) {
        Path notices = dir.resolve("data/notifications.jsonl");
        return await("an approval request in " + notices).atMost(timeout)
                .until(() -> approvalToken(notices), Optional::isPresent).orElseThrow();
    }

    private static Optional<String> approvalToken(Path notices) throws IOException {
        if (Files.exists(notices)) {
            for (String line : Files.readAllLines(notices)) {
                JsonNode notice = LocalJson.MAPPER.readTree(line);
                if (notice.toString().contains("APPROVAL_REQUEST")) {
                    String approve = notice.findValuesAsText("Approve").get(0);
                    return Optional.of(approve.split("\\s+")[2]);
                }
            }
        }
        return Optional.empty();
    }
}

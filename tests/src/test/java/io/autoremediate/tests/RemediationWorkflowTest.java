package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.local.runtime.RemediationOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statemachine/remediation.asl.json} end to end, on the embedded engine with the real handlers. */
class RemediationWorkflowTest {

    private static final String RUNBOOK = "webapp-uptime#CustomNamespace.sh";
    private static final String HEAL = "echo \"healing $AUTOREMEDIATE_ALARM_NAME on $AUTOREMEDIATE_INSTANCE_ID\"\n"
            + "echo OK > \"$ALARM_STATE_FILE\"";

    @TempDir
    Path dir;

    private Workflow workflow;

    @BeforeEach
    void setUp() throws Exception {
        workflow = new Workflow(dir);
    }

    @AfterEach
    void tearDown() {
        workflow.close();
    }

    @Test
    void healedOnTheFirstAttempt() throws Exception {
        workflow.runbook(RUNBOOK, HEAL);

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.REMEDIATED);
        assertThat(workflow.sent).hasSize(1);
        assertThat(workflow.sent.get(0).instanceId()).isEqualTo("i-0abc12345def67890");
        assertThat(workflow.sent.get(0).runbook().ref().key()).isEqualTo(RUNBOOK);
        assertThat(result.output().path("command").path("outputTail").asText())
                .isEqualTo("healing webapp-uptime on i-0abc12345def67890\n");
        assertThat(workflow.notices).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.RESOLVED);
            assertThat(notice.dedupKey()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime");
        });
    }

    @Test
    void runbookThatFailsOnceIsRetriedAndHeals() throws Exception {
        workflow.runbook(RUNBOOK, """
                count_file="$WORK_DIR/runs"
                runs=$(( $(cat "$count_file" 2>/dev/null || echo 0) + 1 ))
                echo "$runs" > "$count_file"
                if [ "$runs" -eq 1 ]; then echo "first try fails" >&2; exit 1; fi
                echo OK > "$ALARM_STATE_FILE\"""");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.REMEDIATED);
        assertThat(workflow.sent).hasSize(2);
        assertThat(workflow.sent).extracting(r -> r.environment().get("AUTOREMEDIATE_ATTEMPT")).containsExactly("1", "2");
        assertThat(result.output().path("progress").path("attempt").asInt()).isEqualTo(2);
        assertThat(workflow.notices).extracting(n -> n.kind()).containsExactly(NoticeKind.RESOLVED);
        assertThat(workflow.notices.get(0).title()).contains("healed it on attempt 2");
    }

    @Test
    void noRunbookEscalatesWithoutRunningAnything() {
        ExecutionResult result = workflow.handle(Workflow.fixture("no-runbook.json"));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("Remediation.Escalated");
        assertThat(result.cause()).startsWith("no runbook for alarm 'queue-depth-high': looked for 'queue-depth-high.sh',"
                + " 'queue-depth#CustomNamespace.sh' under ");
        assertThat(workflow.sent).isEmpty();
        assertThat(workflow.notices).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.ESCALATION);
            assertThat(notice.facts().get("Runbook")).startsWith("none found");
        });
    }

    @Test
    void alarmStillFiringAfterThreeAttemptsEscalates() throws Exception {
        workflow.runbook(RUNBOOK, "echo 'restarted, but the alarm will not care'");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).isEqualTo("alarm still in ALARM after 3 attempts");
        assertThat(workflow.sent).hasSize(3);
        assertThat(workflow.notices).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(NoticeKind.ESCALATION);
            assertThat(notice.body()).contains("restarted, but the alarm will not care").contains("Attempts: 3 of 3");
        });
    }

    @Test
    void attemptsAreConfigurableThroughTheExecutionInput() throws Exception {
        workflow.runbook(RUNBOOK, "exit 3");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"), Map.of("maxAttempts", 2));

        assertThat(workflow.sent).hasSize(2);
        assertThat(result.cause()).isEqualTo("runbook Failed with exit code 3 on i-0abc12345def67890 (attempt 2)");
    }

    @Test
    void commandThatTimesOutEscalates() throws Exception {
        workflow.runbook(RUNBOOK, "sleep 60");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"),
                Map.of("maxAttempts", 1, "commandTimeoutSeconds", 1));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).isEqualTo("runbook TimedOut on i-0abc12345def67890 (attempt 1)");
    }

    @Test
    void alarmThatClearsDuringThePauseIsNotRemediatedAgain() throws Exception {
        workflow.runbook(RUNBOOK, "echo OK > \"$ALARM_STATE_FILE\"; exit 1");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.REMEDIATED);
        assertThat(workflow.sent).hasSize(1);
    }

    @Test
    void malformedEventEscalatesWithTheParseError() {
        ExecutionResult result = workflow.handle(Workflow.fixture("not-an-alarm-event.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).isEqualTo("step failed with io.autoremediate.functions.incident.MalformedAlarmEventException:"
                + " alarm event: not a CloudWatch alarm state change: source is 'aws.ec2', expected 'aws.cloudwatch'");
        assertThat(workflow.sent).isEmpty();
        assertThat(workflow.notices).hasSize(1);
    }

    @Test
    void changeBackToOkRunsNothingAndTellsNobody() throws Exception {
        workflow.runbook(RUNBOOK, HEAL);

        ExecutionResult result = workflow.handle(Workflow.fixture("back-to-ok.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.IGNORED);
        assertThat(RemediationOutcome.reasonOf(result)).isEqualTo(
                "alarm 'webapp-uptime' changed to OK from ALARM; only a change into ALARM runs a runbook");
        assertThat(workflow.sent).isEmpty();
        assertThat(workflow.notices).isEmpty();
    }

    @Test
    void metricMathAlarmEscalatesForWantOfATarget() throws Exception {
        workflow.runbook("error-rate.sh", HEAL);

        ExecutionResult result = workflow.handle(Workflow.fixture("metric-math.json"));

        assertThat(result.cause()).contains("metric-math or anomaly-detection alarm");
        assertThat(workflow.sent).isEmpty();
    }

    @Test
    void hostileInstanceIdIsNeverSentACommand() throws Exception {
        workflow.runbook(RUNBOOK, HEAL);

        ExecutionResult result = workflow.handle(Workflow.fixture("hostile-instance-id.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).contains("not an EC2 (i-…) or managed (mi-…) instance id");
        assertThat(workflow.sent).isEmpty();
    }

    @Test
    void dryRunResolvesButSendsNothing() throws Exception {
        workflow.runbook(RUNBOOK, HEAL);

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"), Map.of("dryRun", true));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.DRY_RUN);
        assertThat(result.output().path("resolution").path("runbook").path("key").asText()).isEqualTo(RUNBOOK);
        assertThat(workflow.sent).isEmpty();
        assertThat(workflow.alarm.read("webapp-uptime").state()).isEqualTo(AlarmState.ALARM);
    }
}

package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.RemediationOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runbook that asks for approval (header {@code # autoremediate: approval=required}) runs only after a
 * person approved it at the approval gate (a {@code lambda:invoke.waitForTaskToken} Task on Notify).
 */
class ApprovalGateTest {

    private static final String RUNBOOK = "webapp-uptime#CustomNamespace.sh";
    private static final String HEAL_AFTER_APPROVAL = "# autoremediate: approval=required\n"
            + "echo \"healing $AUTOREMEDIATE_INSTANCE_ID\"\necho OK > \"$ALARM_STATE_FILE\"";

    @TempDir
    Path dir;

    private Workflow workflow;

    @BeforeEach
    void setUp() throws Exception {
        workflow = new Workflow(dir);
        workflow.runbook(RUNBOOK, HEAL_AFTER_APPROVAL);
    }

    @AfterEach
    void tearDown() {
        workflow.close();
    }

    @Test
    void approvedRunbookRunsAndTheRequestToldHowToAnswer() {
        workflow.approveEveryRequest();

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.REMEDIATED);
        assertThat(workflow.sent).hasSize(1);
        assertThat(workflow.notices).extracting(Notice::kind)
                .containsExactly(NoticeKind.APPROVAL_REQUEST, NoticeKind.RESOLVED);
        Notice request = workflow.notices.get(0);
        String token = workflow.tokens.get(0);
        assertThat(request.facts().get("Approve")).startsWith("./autoremediate approve " + token);
        assertThat(request.facts().get("Deny")).startsWith("./autoremediate deny " + token);
        assertThat(request.title()).contains("APPROVAL NEEDED").contains("asks for approval");
        assertThat(result.output().path("approval").path("approved").asBoolean()).isTrue();
        assertThat(result.output().path("awaitingApproval").asBoolean()).isFalse();
    }

    @Test
    void deniedRunbookNeverRunsAndEscalatesWithTheReason() {
        workflow.denyEveryRequest("not during the sale");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).isEqualTo("approval denied: not during the sale");
        assertThat(workflow.sent).isEmpty();
        assertThat(workflow.notices).extracting(Notice::kind)
                .containsExactly(NoticeKind.APPROVAL_REQUEST, NoticeKind.ESCALATION);
    }

    @Test
    void unansweredRequestTimesOutAndEscalatesWithoutRunning() {
        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"),
                Map.of("approvalTimeoutSeconds", 900));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).isEqualTo("no one approved the runbook in time; nothing was run");
        assertThat(workflow.sent).isEmpty();
        assertThat(result.history()).filteredOn(event -> event.type().equals("TaskTimedOut")).hasSize(1);
    }

    @Test
    void anAnswerWithoutApprovedTrueCountsAsDenial() {
        workflow.answerEveryRequest(LocalJson.MAPPER.createObjectNode().put("approved", "yes please"));

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.cause()).startsWith("approval denied: the approval answer was not approved=true:")
                .contains("yes please");
        assertThat(workflow.sent).isEmpty();
    }

    @Test
    void approvalIsAskedOnceForAllAttempts() throws Exception {
        workflow.runbook(RUNBOOK, "# autoremediate: approval=required\nexit 4");
        workflow.approveEveryRequest();

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"), Map.of("maxAttempts", 3));

        assertThat(workflow.sent).hasSize(3);
        assertThat(workflow.notices).extracting(Notice::kind)
                .containsExactly(NoticeKind.APPROVAL_REQUEST, NoticeKind.ESCALATION);
        assertThat(result.cause()).isEqualTo("runbook Failed with exit code 4 on i-0abc12345def67890 (attempt 3)");
    }

    @Test
    void aRunbookWithoutTheHeaderIsNotHeldAtTheGate() throws Exception {
        workflow.runbook(RUNBOOK, "echo OK > \"$ALARM_STATE_FILE\"");

        ExecutionResult result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.REMEDIATED);
        assertThat(workflow.notices).extracting(Notice::kind).containsExactly(NoticeKind.RESOLVED);
        assertThat(result.history()).noneMatch(event -> "AskForApproval".equals(event.stateName()));
    }
}

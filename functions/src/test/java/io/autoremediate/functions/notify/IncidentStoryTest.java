package io.autoremediate.functions.notify;

import io.autoremediate.functions.TestJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.functions.Fixtures;
import io.autoremediate.functions.alarm.AlarmReading;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandStatus;
import io.autoremediate.functions.incident.AlarmEventParser;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.resolve.Decision;
import io.autoremediate.functions.resolve.Resolution;
import io.autoremediate.functions.runbook.RunbookRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentStoryTest {

    private static final String EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:sm:webapp-uptime-x";
    private final Incident incident = new AlarmEventParser().parse(Fixtures.event("single-metric-alarm.json"));
    private final RunbookRef runbook = new RunbookRef("webapp-uptime#CustomNamespace.sh",
            "s3://bucket/runbooks/webapp-uptime#CustomNamespace.sh", "v3", "ab".repeat(32), 420);
    private final Resolution remediate = new Resolution(Decision.REMEDIATE, "found", incident, runbook, List.of());

    @Test
    void escalationAfterAllAttemptsTellsTheWholeStory() {
        CommandProgress command = new CommandProgress("cmd-1", "i-0abc12345def67890", CommandStatus.SUCCESS, "Success",
                0, "restarting webapp\nwebapp is active again\n", "", "s3://bucket/out/stdout", 3);
        RemediationContext context = new RemediationContext(Fixtures.event("single-metric-alarm.json"),
                settings(3), remediate, command, new AlarmReading("webapp-uptime", AlarmState.ALARM, "still", Instant.now()),
                new RemediationContext.Progress(3, 6, 0), null, null, null);

        Notice notice = IncidentStory.tell(NoticeKind.ESCALATION, context, EXECUTION);

        assertThat(notice.title()).isEqualTo("[autoremediate] ESCALATED 'webapp-uptime' on i-0abc12345def67890:"
                + " alarm still in ALARM after 3 attempts");
        assertThat(notice.dedupKey()).isEqualTo(incident.alarmArn());
        assertThat(notice.body())
                .contains("Alarm ARN: arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime")
                .contains("Instance: i-0abc12345def67890")
                .contains("Runbook: webapp-uptime#CustomNamespace.sh (s3://bucket/runbooks/webapp-uptime#CustomNamespace.sh,"
                        + " version v3, sha256 " + "ab".repeat(32))
                .contains("Command: cmd-1 Success, exit code 0, full output s3://bucket/out/stdout")
                .contains("webapp is active again")
                .contains("Attempts: 3 of 3")
                .contains("Execution: " + EXECUTION);
    }

    @Test
    void missingRunbookSaysWhatWasLookedFor() {
        Resolution none = new Resolution(Decision.ESCALATE, "no runbook for alarm 'webapp-uptime': looked for ...",
                incident, null, List.of("webapp-uptime.sh", "webapp-uptime#CustomNamespace.sh"));
        RemediationContext context = new RemediationContext(null, settings(3), none, null, null, null, null, null, null);

        Notice notice = IncidentStory.tell(NoticeKind.ESCALATION, context, EXECUTION);

        assertThat(notice.facts().get("Reason")).startsWith("no runbook for alarm 'webapp-uptime'");
        assertThat(notice.facts().get("Runbook")).isEqualTo(
                "none found; looked for [webapp-uptime.sh, webapp-uptime#CustomNamespace.sh]");
        assertThat(notice.facts()).doesNotContainKey("Command");
    }

    @Test
    void unreadableEventIsStillEscalatedWithTheParseError() throws Exception {
        CaughtError failure = new CaughtError("io.autoremediate.functions.incident.MalformedAlarmEventException",
                "{\"errorType\":\"io.autoremediate.functions.incident.MalformedAlarmEventException\","
                        + "\"errorMessage\":\"alarm event: detail.state is missing\"}");
        RemediationContext context = new RemediationContext(Fixtures.event("not-an-alarm-event.json"), settings(3),
                null, null, null, null, null, null, failure);

        Notice notice = IncidentStory.tell(NoticeKind.ESCALATION, context, EXECUTION);

        assertThat(notice.title()).contains("'(unreadable alarm event)'")
                .endsWith("step failed with io.autoremediate.functions.incident.MalformedAlarmEventException:"
                        + " alarm event: detail.state is missing");
        assertThat(notice.dedupKey()).isEqualTo(EXECUTION);
    }

    @Test
    void failedCommandIsTheReasonWithItsExitCodeAndErrorOutput() {
        CommandProgress failed = new CommandProgress("cmd-2", "i-0abc12345def67890", CommandStatus.FAILED, "Failed", 7,
                "", "systemctl: unit not found\n", null, 2);
        RemediationContext context = new RemediationContext(null, settings(1), remediate, failed, null,
                new RemediationContext.Progress(1, 0, 0), null, null, null);

        Notice notice = IncidentStory.tell(NoticeKind.ESCALATION, context, EXECUTION);

        assertThat(notice.facts().get("Reason")).isEqualTo("runbook Failed with exit code 7 on i-0abc12345def67890 (attempt 1)");
        assertThat(notice.facts().get("Error output tail")).isEqualTo("systemctl: unit not found");
    }

    @Test
    void resolvedNoticeSaysWhichRunbookHealedItAndKeepsTheSameDedupKey() {
        RemediationContext context = new RemediationContext(null, settings(3), remediate, null,
                new AlarmReading("webapp-uptime", AlarmState.OK, "ok", Instant.now()), new RemediationContext.Progress(2, 1, 0), null, null, null);

        Notice notice = IncidentStory.tell(NoticeKind.RESOLVED, context, EXECUTION);

        assertThat(notice.title()).isEqualTo("[autoremediate] RESOLVED 'webapp-uptime' on i-0abc12345def67890: runbook"
                + " 'webapp-uptime#CustomNamespace.sh' healed it on attempt 2; the alarm is OK again");
        assertThat(notice.dedupKey()).isEqualTo(incident.alarmArn());
    }

    @Test
    void hugeFieldsAreClipped() {
        Incident huge = new Incident("x".repeat(5_000), "arn", AlarmState.ALARM, AlarmState.OK, "r".repeat(9_000), null,
                Instant.EPOCH, null, "m", "n", java.util.Map.of(), null, null, null);
        Resolution resolution = new Resolution(Decision.ESCALATE, "no target", huge, null, List.of());

        Notice notice = IncidentStory.tell(NoticeKind.ESCALATION, new RemediationContext(null, null, resolution,
                null, null, null, null, null, null), EXECUTION);

        assertThat(notice.title().length()).isLessThanOrEqualTo(IncidentStory.MAX_TITLE_CHARS);
        assertThat(notice.body().length()).isLessThan(3_000);
    }

    @Test
    void approvalRequestCarriesTheTokenAndHowToAnswerIt() {
        RemediationContext context = new RemediationContext(null, settings(3), remediate, null, null,
                new RemediationContext.Progress(1, 0, 0), null, true, null);

        Notice notice = IncidentStory.tell(NoticeKind.APPROVAL_REQUEST, context, EXECUTION, "tok-123");

        assertThat(notice.title()).startsWith("[autoremediate] APPROVAL NEEDED 'webapp-uptime' on i-0abc12345def67890:"
                + " runbook 'webapp-uptime#CustomNamespace.sh' asks for approval");
        assertThat(notice.facts().get("Approve")).startsWith("./autoremediate approve tok-123");
        assertThat(notice.facts().get("Deny")).contains("send-task-failure --task-token tok-123");
    }

    @Test
    void deniedApprovalIsTheEscalationReason() {
        RemediationContext context = new RemediationContext(null, settings(3), remediate, null, null, null, null, true,
                new CaughtError("Remediation.Denied", "not during the sale"));

        assertThat(EscalationReason.of(context)).isEqualTo("approval denied: not during the sale");
    }

    private static com.fasterxml.jackson.databind.JsonNode settings(int maxAttempts) {
        return TestJson.MAPPER.createObjectNode().put("maxAttempts", maxAttempts);
    }
}

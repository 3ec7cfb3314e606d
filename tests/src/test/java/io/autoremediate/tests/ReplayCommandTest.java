package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.json.LocalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code autoremediate replay}, run as a user runs it. */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private Path runbooks;
    private Path event;

    @BeforeEach
    void setUp() throws Exception {
        runbooks = Files.createDirectories(dir.resolve("runbooks"));
        event = dir.resolve("event.json");
        Files.writeString(event, LocalJson.write(Workflow.fixture("single-metric-alarm.json")));
    }

    @Test
    void replayRunsTheRunbookAndReportsItRemediated() throws Exception {
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"),
                "echo \"fixed $AUTOREMEDIATE_INSTANCE_ID\" > \"$PWD/ran\"\n");

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode report = LocalJson.MAPPER.readTree(run.stdout());
        assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.path("outcome").asText()).isEqualTo("REMEDIATED");
        assertThat(report.path("executionName").asText()).matches("webapp-uptime-[0-9a-f]{6}-i-0abc12345def67890-20261125T170440989Z");
        assertThat(report.path("commandsSent")).hasSize(1);
        assertThat(report.path("commandsSent").get(0).path("key").asText()).isEqualTo("webapp-uptime#CustomNamespace.sh");
        assertThat(report.path("commandsSent").get(0).path("target").asText()).isEqualTo("i-0abc12345def67890");
        assertThat(report.path("commandsSent").get(0).path("exitCode").asInt()).isZero();
        assertThat(report.path("notifications").findValuesAsText("kind")).contains("RESOLVED");
        assertThat(Path.of(report.path("historyFile").asText())).exists();
    }

    @Test
    void aRunbookAskingForApprovalRunsOnlyWithApprove() throws Exception {
        Path marker = dir.resolve("ran");
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"),
                "#!/bin/sh\n# autoremediate: approval=required\ntouch " + marker + "\n");

        Cli.Run denied = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        JsonNode report = LocalJson.MAPPER.readTree(denied.stdout());
        assertThat(denied.exitCode()).as(denied.stderr()).isZero();
        assertThat(report.path("outcome").asText()).isEqualTo("ESCALATED");
        assertThat(report.path("reason").asText()).isEqualTo(
                "approval denied: replay runs a runbook that asks for approval only with --approve");
        assertThat(report.path("notifications").findValuesAsText("kind"))
                .containsOnly("APPROVAL_REQUEST", "ESCALATION").containsSubsequence("APPROVAL_REQUEST", "ESCALATION");
        assertThat(marker).doesNotExist();

        Cli.Run approved = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString(), "--approve");

        report = LocalJson.MAPPER.readTree(approved.stdout());
        assertThat(report.path("outcome").asText()).as(approved.stderr()).isEqualTo("REMEDIATED");
        assertThat(report.path("notifications").findValuesAsText("kind"))
                .containsOnly("APPROVAL_REQUEST", "RESOLVED").containsSubsequence("APPROVAL_REQUEST", "RESOLVED");
        assertThat(marker).exists();
    }

    @Test
    void dryRunReportsWhatWouldRunAndRunsNothing() throws Exception {
        Path marker = dir.resolve("ran");
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"), "touch " + marker + "\n");

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString(), "--dry-run");

        JsonNode report = LocalJson.MAPPER.readTree(run.stdout());
        assertThat(run.exitCode()).isZero();
        assertThat(report.path("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(report.path("reason").asText()).contains("webapp-uptime#CustomNamespace.sh");
        assertThat(report.path("commandsSent")).isEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void alarmThatKeepsFiringEscalatesAndStillExitsZero() throws Exception {
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"), "echo tried\n");

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString(),
                "--alarm-after-success", "ALARM", "--settings", "{\"maxAttempts\": 2}");

        JsonNode report = LocalJson.MAPPER.readTree(run.stdout());
        assertThat(run.exitCode()).isZero();
        assertThat(report.path("status").asText()).isEqualTo("FAILED");
        assertThat(report.path("outcome").asText()).isEqualTo("ESCALATED");
        assertThat(report.path("reason").asText()).isEqualTo("alarm still in ALARM after 2 attempts");
        assertThat(report.path("commandsSent")).hasSize(2);
        assertThat(report.path("notifications").findValuesAsText("kind")).containsOnly("ESCALATION");
    }

    @Test
    void changeToOkIsIgnored() throws Exception {
        Files.writeString(event, LocalJson.write(Workflow.fixture("back-to-ok.json")));

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        JsonNode report = LocalJson.MAPPER.readTree(run.stdout());
        assertThat(report.path("outcome").asText()).isEqualTo("IGNORED");
        assertThat(report.path("notifications")).isEmpty();
    }

    @Test
    void missingEventFileIsAUsageErrorWithoutStackTrace() throws Exception {
        Cli.Run run = Cli.run(dir, "replay", "--event", dir.resolve("nope.json").toString(), "--runbooks", runbooks.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("nope.json does not exist").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void eventThatIsNotJsonIsAUsageErrorNamingTheLine() throws Exception {
        Files.writeString(event, "{\"detail\": \n  oops }");

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("is not JSON").contains("line 2").doesNotContain("\tat ");
    }

    @Test
    void eventNestedTooDeeplyIsAUsageErrorNamingTheLimit() throws Exception {
        Files.writeString(event, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("is nested too deeply: more than 1000 levels")
                .doesNotContain("NullPointerException").doesNotContain("Cannot invoke").doesNotContain("\tat ");
    }

    @Test
    void eventWithANumberOverTheReadersLimitIsAUsageErrorNamingTheLimit() throws Exception {
        Files.writeString(event, "{\"a\":" + "1".repeat(2_000) + "}");

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Number value length (2000) exceeds the maximum allowed (1000)")
                .doesNotContain("StreamReadConstraints").doesNotContain("\tat ");
    }

    @Test
    void eventOfAnotherKindIsEscalatedWithTheParseError() throws Exception {
        Files.writeString(event, "[\"not\", \"an\", \"event\"]");

        Cli.Run run = Cli.run(dir, "replay", "--event", event.toString(), "--runbooks", runbooks.toString());

        JsonNode report = LocalJson.MAPPER.readTree(run.stdout());
        assertThat(run.exitCode()).isZero();
        assertThat(report.path("outcome").asText()).isEqualTo("ESCALATED");
        assertThat(report.path("reason").asText()).contains("alarm event: the event is not a JSON object");
    }
}

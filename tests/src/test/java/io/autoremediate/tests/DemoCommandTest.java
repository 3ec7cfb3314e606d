package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, {@code autoremediate demo}, run for real: a real process killed and healed. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoHealsTheCrashedWebAppThenEscalatesTheAlarmWithoutARunbook() throws Exception {
        Path work = dir.resolve("demo");

        Cli.Run run = Cli.run(dir, "demo", "--runbooks", Cli.ROOT.resolve("remediations").toString(),
                "--work-dir", work.toString());

        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("killed the web app (kill -9 ")
                .contains("webapp-uptime: OK → ALARM")
                .contains("command Success, exit code 0")
                .contains("webapp is active again")
                .contains("webapp-uptime: ALARM → OK")
                .contains("failure → recovery:")
                .contains("Scenario 1, crash healed:            PASS")
                .contains("Scenario 2, no runbook escalated:    PASS");
        assertThat(Files.readString(work.resolve("notifications.jsonl")))
                .contains("\"RESOLVED\"").contains("\"ESCALATION\"");
        try (var histories = Files.list(work.resolve("executions"))) {
            assertThat(histories).hasSize(2);
        }
        assertThat(ProcessHandle.allProcesses().flatMap(p -> p.info().commandLine().stream())
                .filter(line -> line.contains(work.toString()) || line.contains("SampleWebApp") && line.contains(dir.toString())))
                .as("processes the demo left running").isEmpty();
    }
}

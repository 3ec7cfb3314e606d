package io.autoremediate.local.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandStatus;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.runbook.Runbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalShellCommandRunnerTest {

    private static final String INSTANCE = "i-0abc12345def67890";

    @TempDir
    Path dir;

    private LocalShellCommandRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void successfulRunbookReportsSuccessExitCodeAndOutput() throws Exception {
        CommandProgress progress = runToEnd("echo restarted; echo warning >&2", Map.of(), Duration.ofSeconds(10));

        assertThat(progress.status()).isEqualTo(CommandStatus.SUCCESS);
        assertThat(progress.responseCode()).isZero();
        assertThat(progress.outputTail()).isEqualTo("restarted\n");
        assertThat(progress.errorTail()).isEqualTo("warning\n");
    }

    @Test
    void failingRunbookReportsFailedWithItsExitCode() throws Exception {
        CommandProgress progress = runToEnd("echo broken >&2; exit 7", Map.of(), Duration.ofSeconds(10));

        assertThat(progress.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(progress.responseCode()).isEqualTo(7);
        assertThat(progress.errorTail()).isEqualTo("broken\n");
    }

    @Test
    void runbookOverItsTimeoutIsKilledAndReportsTimedOut() throws Exception {
        // A runbook that would outlast its 300 ms timeout by far: the runner's timeout ends it, not the script.
        CommandProgress progress = runToEnd("sleep 30", Map.of(), Duration.ofMillis(300));

        assertThat(progress.status()).isEqualTo(CommandStatus.TIMED_OUT);
        assertThat(progress.responseCode()).isEqualTo(-1);
    }

    @Test
    void runningRunbookReportsInProgress() throws Exception {
        runner = new LocalShellCommandRunner(dir, Map.of());
        // Runs until the runner ends it (at close, after the test; its timeout is an hour away), so nothing
        // asserted below can see it end.
        String id = runner.send(request("while :; do sleep 1; done", Map.of(), Duration.ofHours(1)));

        assertThat(runner.progress(id, INSTANCE).status()).isEqualTo(CommandStatus.IN_PROGRESS);
        assertThat(runner.progress(id, INSTANCE).terminal()).isFalse();
    }

    @Test
    void hostileValuesReachTheRunbookAsDataNeverAsCommands() throws Exception {
        Path marker = dir.resolve("pwned");
        String hostile = "x'; touch " + marker + "; echo '$(touch " + marker + ")`touch " + marker + "`";

        CommandProgress progress = runToEnd("printf '%s' \"$AUTOREMEDIATE_ALARM_NAME\"",
                Map.of("AUTOREMEDIATE_ALARM_NAME", hostile), Duration.ofSeconds(10));

        assertThat(progress.outputTail()).isEqualTo(hostile);
        assertThat(marker).doesNotExist();
    }

    @Test
    void outputIsKeptWhereSsmWouldKeepIt() throws Exception {
        runner = new LocalShellCommandRunner(dir, Map.of());
        String id = runner.send(request("echo kept", Map.of(), Duration.ofSeconds(10)));
        runner.awaitEnd(id, 10, TimeUnit.SECONDS);

        Path stdout = dir.resolve("webapp-uptime/20261125T170440989/attempt-1").resolve(id).resolve(INSTANCE)
                .resolve("awsrunShellScript/0.awsrunShellScript/stdout");
        assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).isEqualTo("kept\n");
        assertThat(runner.progress(id, INSTANCE).outputUrl()).isEqualTo(stdout.toUri().toString());
    }

    @Test
    void unknownCommandIsRefusedWithItsId() {
        runner = new LocalShellCommandRunner(dir, Map.of());

        assertThatThrownBy(() -> runner.progress("nope", INSTANCE))
                .isInstanceOf(DependencyRefusedException.class).hasMessageContaining("nope");
    }

    @Test
    void outputPrefixFromAlarmFieldsCannotClimbOutOfTheOutputFolder() {
        assertThat(LocalShellCommandRunner.safePrefix("../../etc/x")).isEqualTo("_/_/etc/x");
        assertThat(LocalShellCommandRunner.safePrefix("/abs//path")).isEqualTo("abs/path");
    }

    private CommandProgress runToEnd(String script, Map<String, String> env, Duration timeout) throws Exception {
        runner = new LocalShellCommandRunner(dir, Map.of());
        String id = runner.send(request(script, env, timeout));
        runner.awaitEnd(id, 15, TimeUnit.SECONDS);
        return await("command " + id + " ended").until(() -> runner.progress(id, INSTANCE), CommandProgress::terminal);
    }

    private static CommandRequest request(String script, Map<String, String> env, Duration timeout) {
        return new CommandRequest(INSTANCE, Runbook.of("test.sh", "test.sh", "1", script.getBytes(StandardCharsets.UTF_8)),
                env, timeout, "test", "webapp-uptime/20261125T170440989/attempt-1");
    }
}

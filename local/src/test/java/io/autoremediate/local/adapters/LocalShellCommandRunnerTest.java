package io.autoremediate.local.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        CommandProgress progress = runToEnd("sleep 30", Map.of(), Duration.ofMillis(300));

        assertThat(progress.status()).isEqualTo(CommandStatus.TIMED_OUT);
        assertThat(progress.responseCode()).isEqualTo(-1);
    }

    @Test
    void runningRunbookReportsInProgress() throws Exception {
        runner = new LocalShellCommandRunner(dir, Map.of());
        String id = runner.send(request("sleep 5", Map.of(), Duration.ofSeconds(10)));

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
        CommandProgress progress = runner.progress(id, INSTANCE);
        for (int i = 0; i < 50 && !progress.terminal(); i++) {
            Thread.sleep(20);
            progress = runner.progress(id, INSTANCE);
        }
        return progress;
    }

    private static CommandRequest request(String script, Map<String, String> env, Duration timeout) {
        return new CommandRequest(INSTANCE, Runbook.of("test.sh", "test.sh", "1", script.getBytes(StandardCharsets.UTF_8)),
                env, timeout, "test", "webapp-uptime/20261125T170440989/attempt-1");
    }
}

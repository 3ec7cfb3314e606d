package io.autoremediate.functions.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.runbook.Runbook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the exact text SsmCommandRunner sends, joined with newlines into one file as the SSM agent does, with
 * {@code bash file} and {@code dash file} (the agent runs {@code sh file}, and sh is dash on Debian and Ubuntu).
 */
class RunbookLauncherTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void bashRunbookKeepsItsBashSyntaxWhateverShellRunsTheCommands(String shell) throws Exception {
        String runbook = """
                #!/bin/bash
                set -euo pipefail
                services=(webapp nginx "with space")
                if [[ ${#services[@]} -eq 3 && $AUTOREMEDIATE_ALARM_NAME == web* ]]; then
                  echo "restart ${services[0]} of ${#services[@]}, last '${services[2]}'"
                fi
                """;

        Run run = run(shell, Map.of("AUTOREMEDIATE_ALARM_NAME", "webapp-uptime"), runbook);

        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEqualTo("restart webapp of 3, last 'with space'\n");
        assertThat(run.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void runbookWithoutShebangRunsInBash(String shell) throws Exception {
        Run run = run(shell, Map.of(), "list=(a b)\n[[ -n ${BASH_VERSION:-} ]] && echo \"bash ${list[1]}\"\n");

        assertThat(run.stdout()).isEqualTo("bash b\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void shebangThroughEnvAndWithAnArgumentIsHonoured(String shell) throws Exception {
        assertThat(run(shell, Map.of(), "#!/usr/bin/env bash\na=(x y); echo ${a[1]}\n").stdout()).isEqualTo("y\n");

        Run stopsAtFirstFailure = run(shell, Map.of(), "#!/bin/bash -e\necho before\nfalse\necho not reached\n");
        assertThat(stopsAtFirstFailure.stdout()).isEqualTo("before\n");
        assertThat(stopsAtFirstFailure.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void runbookReachesItsInterpreterByteForByte(String shell) throws Exception {
        // cat as the interpreter prints the file it is given: what the wrapper wrote must be the runbook itself.
        String runbook = "#!/bin/cat\n$(touch " + dir.resolve("pwned") + ") `id` ${HOME} \\ \\\\ 'it''s' \"q\"\n"
                + "\tindented <<EOF\nEOF\n" + RunbookLauncher.DELIMITER + "_x\n 日本語 🚨\n";

        Run run = run(shell, Map.of(), runbook);

        assertThat(run.stdout()).isEqualTo(runbook);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void runbookContainingTheDelimiterLineIsNotCutShort(String shell) throws Exception {
        String runbook = "#!/bin/bash\ncat <<'" + RunbookLauncher.DELIMITER + "'\ninner line\n"
                + RunbookLauncher.DELIMITER + "\necho after\n";

        Run run = run(shell, Map.of(), runbook);

        assertThat(run.stdout()).isEqualTo("inner line\nafter\n");
        assertThat(run.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void hostileIncidentValuesReachTheRunbookAsDataAndRunNothing(String shell) throws Exception {
        Path marker = dir.resolve("pwned");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AUTOREMEDIATE_SUBSTITUTION", "$(touch " + marker + ")");
        env.put("AUTOREMEDIATE_BACKTICKS", "`touch " + marker + "`");
        env.put("AUTOREMEDIATE_QUOTES", "it's '; touch " + marker + "; echo '\"; touch " + marker + "; \"");
        env.put("AUTOREMEDIATE_HEREDOC_END", "x\n" + RunbookLauncher.DELIMITER + "\ntouch " + marker + "\n");
        env.put("AUTOREMEDIATE_FILE_VARIABLE", "$" + RunbookLauncher.FILE_VARIABLE + " ; rm -rf " + dir);
        env.put("AUTOREMEDIATE_GLOBS", "* ? [a-z] ~ {a,b} $((1+1)) !!");
        env.put("AUTOREMEDIATE_UNICODE", "alarm é 日本語 🚨 \u202e");
        env.put("AUTOREMEDIATE_EMPTY", "");
        StringBuilder runbook = new StringBuilder("#!/bin/bash\n");
        for (String name : env.keySet()) {
            runbook.append("printf '%s\\0' \"$").append(name).append("\"\n");
        }

        Run run = run(shell, env, runbook.toString());

        List<String> seen = new ArrayList<>(List.of(run.stdout().split("\0", -1)));
        seen.remove(seen.size() - 1);
        assertThat(seen).containsExactlyElementsOf(env.values());
        assertThat(marker).doesNotExist();
        assertThat(run.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void runbookExitCodeIsTheCommandsAndItsFileIsRemoved(String shell) throws Exception {
        Run failed = run(shell, Map.of(), "#!/bin/bash\necho \"running $0\" >&2\nexit 42\n");
        Run rebootRequest = run(shell, Map.of(), "#!/bin/bash\nexit 194\n");

        assertThat(failed.exitCode()).isEqualTo(42);
        assertThat(failed.stderr()).startsWith("running " + tmp().resolve("autoremediate-runbook."));
        assertThat(rebootRequest.exitCode()).isEqualTo(194);
        try (Stream<Path> left = Files.list(tmp())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void runbookFileIsReadableByItsOwnerOnly() throws Exception {
        Run run = run("dash", Map.of(), "#!/bin/sh\nstat -c %a \"$0\"\n");

        assertThat(run.stdout()).isEqualTo("700\n");
    }

    @Test
    void delimiterChangesWhenTheScriptHasALineEqualToIt() {
        assertThat(RunbookLauncher.delimiterFor("echo " + RunbookLauncher.DELIMITER + "\n"))
                .isEqualTo(RunbookLauncher.DELIMITER);
        assertThat(RunbookLauncher.delimiterFor("a\r\n" + RunbookLauncher.DELIMITER + "\r\n"
                + RunbookLauncher.DELIMITER + "_1"))
                .isEqualTo(RunbookLauncher.DELIMITER + "_2");
    }

    @Test
    void runbookWithNulIsRefused() {
        assertThatThrownBy(() -> RunbookLauncher.command("echo a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void theWrappersFileVariableCannotBeSetFromIncidentData() {
        assertThatThrownBy(() -> ShellExports.lines(Map.of(RunbookLauncher.FILE_VARIABLE, "/etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Path tmp() throws IOException {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    /** Joins SsmCommandRunner's commands as the agent does, saves them as _script.sh and runs {@code shell file}. */
    private Run run(String shell, Map<String, String> env, String runbook) throws IOException, InterruptedException {
        Runbook book = Runbook.of("r.sh", "s3://b/runbooks/r.sh", "v1", runbook.getBytes(StandardCharsets.UTF_8));
        List<String> commands = SsmCommandRunner.commands(new CommandRequest("i-0123456789abcdef0", book, env,
                Duration.ofMinutes(1), "test", "p/"));
        Path script = dir.resolve("_script.sh");
        Files.writeString(script, String.join("\n", commands), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(shell, script.toString()).directory(dir.toFile());
        builder.environment().put("TMPDIR", tmp().toString());
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(shell + " finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

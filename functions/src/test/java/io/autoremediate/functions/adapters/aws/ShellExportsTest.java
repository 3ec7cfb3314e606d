package io.autoremediate.functions.adapters.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShellExportsTest {

    @TempDir
    Path dir;

    /** Values an attacker who can name an alarm might choose; each would run {@code touch} if interpreted. */
    private Map<String, String> hostileValues() {
        Path marker = dir.resolve("pwned");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SUBSTITUTION", "$(touch " + marker + ")");
        values.put("BACKTICKS", "`touch " + marker + "`");
        values.put("SINGLE_QUOTE", "it's '; touch " + marker + "; echo '");
        values.put("ESCAPED_QUOTE", "\\'; touch " + marker + " #");
        values.put("DOUBLE_QUOTES", "\"; touch " + marker + "; \"");
        values.put("SEMICOLON", "a; touch " + marker);
        values.put("NEWLINE", "first line\ntouch " + marker + "\n");
        values.put("CARRIAGE_RETURN", "a\r\ntouch " + marker);
        values.put("VARIABLE", "$HOME ${PATH} $0 $$ $1");
        values.put("GLOB_AND_TILDE", "* ? [a-z] ~ ~root");
        values.put("PIPES_AND_REDIRECTS", "| touch " + marker + " > /dev/null & < x");
        values.put("BACKSLASHES", "\\ \\\\ \\n \\' \\\"");
        values.put("UNICODE", "alarm é 日本語 🚨 \u202e reversed");
        values.put("HISTORY_AND_BRACES", "!! !$ {a,b} $((1+1))");
        values.put("ONLY_QUOTES", "''''");
        values.put("EMPTY", "");
        values.put("LEADING_DASH", "-e -n --");
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "dash"})
    void runbookSeesHostileValuesExactlyAndNothingExecutes(String shell) throws Exception {
        Map<String, String> values = hostileValues();
        List<String> script = new ArrayList<>(ShellExports.lines(values));
        // The "runbook": print each variable NUL-terminated, so newlines in values survive the round trip.
        for (String name : values.keySet()) {
            script.add("printf '%s\\0' \"$" + name + "\"");
        }

        List<String> seen = run(shell, String.join("\n", script));

        assertThat(seen).containsExactlyElementsOf(values.values());
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void exportedValuesReachChildProcessesOfTheRunbook() throws Exception {
        String script = String.join("\n", ShellExports.lines(Map.of("ALARM_NAME", "cpu 'high' $(id)")))
                + "\nbash -c 'printf \"%s\\0\" \"$ALARM_NAME\"'";

        assertThat(run("bash", script)).containsExactly("cpu 'high' $(id)");
    }

    @Test
    void linesAreSortedByNameSoTheSameIncidentGivesTheSameScript() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZETA", "z");
        env.put("ALPHA", "a");

        assertThat(ShellExports.lines(env)).containsExactly("export ALPHA='a'", "export ZETA='z'");
    }

    @Test
    void singleQuoteIsWrittenAsCloseEscapedQuoteReopen() {
        assertThat(ShellExports.quote("V", "it's")).isEqualTo("'it'\\''s'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ABC", "A-B", "A B", "", "A=B", "$(x)", "É", "A\nB"})
    void namesThatAreNotShellNamesAreRefused(String name) {
        assertThatThrownBy(() -> ShellExports.lines(Map.of(name, "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a shell name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "IFS", "BASH_ENV", "LD_PRELOAD", "PS4", "BASH_FUNC_foo%%"})
    void namesThatChangeHowTheShellRunsAreRefused(String name) {
        assertThatThrownBy(() -> ShellExports.lines(Map.of(name, "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesWithUnderscoresAndDigitsAreAccepted() {
        assertThat(ShellExports.lines(Map.of("_A1_b2", "v"))).containsExactly("export _A1_b2='v'");
    }

    @Test
    void valueWithNulIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ShellExports.lines(Map.of("REASON", "a\0b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REASON")
                .hasMessageContaining("NUL");
    }

    private List<String> run(String shell, String script) throws IOException, InterruptedException {
        Path file = dir.resolve("runbook.sh");
        Files.writeString(file, script + "\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(shell, file.toString())
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("shell finished").isTrue();
        assertThat(process.exitValue()).as("exit code of " + shell).isZero();
        String text = new String(output, StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>(List.of(text.split("\0", -1)));
        values.remove(values.size() - 1); // after the last terminator
        return values;
    }
}

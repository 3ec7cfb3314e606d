package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The help a user reads, and copies from: {@code autoremediate} alone and each command's {@code --help}. */
class CliHelpTest {

    /**
     * A line that ends inside an address, path or number ({@code http://127.}, {@code (default: .}, {@code 'DEF.}),
     * not at the end of a sentence ({@code escalate.}) or a heading ({@code Commands:}).
     */
    private static final Pattern WRAPPED_END = Pattern.compile(".*(?:[^a-z\\s][./:=]| [./])$");
    /** What such a line's continuation starts with: the rest of the token. */
    private static final Pattern CONTINUED_TOKEN = Pattern.compile("^\\s*[a-z0-9./].*");
    /** A path or URL cut before one of its slashes. */
    private static final Pattern CONTINUED_PATH = Pattern.compile("^\\s*/.*");

    @TempDir
    Path dir;

    @Test
    void bareCommandPrintsItsUsageOnceNamesEveryCommandAndExitsTwo() throws Exception {
        Cli.Run run = Cli.run(dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("name a command: demo, replay, execute, serve, approve or deny");
        assertThat(run.stderr().split("Usage: autoremediate", -1)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "replay", "execute", "serve", "approve", "deny"})
    void helpNeverBreaksALineInsideSomethingAUserCopies(String command) throws Exception {
        Cli.Run run = command.isEmpty() ? Cli.run(dir, "--help") : Cli.run(dir, command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(tokensBrokenAcrossLines(run.stdout())).isEmpty();
    }

    @Test
    void helpShowsTheAddressesAndCommandsWhole() throws Exception {
        assertThat(Cli.run(dir, "serve", "--help").stdout())
                .contains("aws stepfunctions --endpoint-url http://127.0.0.1:8083 ")
                .contains("Default: .autoremediate/serve").contains("NAME=package.Class::method");
        assertThat(Cli.run(dir, "approve", "--help").stdout())
                .contains("./autoremediate serve").contains("Default: http://127.0.0.1:8083");
        assertThat(Cli.run(dir, "deny", "--help").stdout()).contains("./autoremediate serve");
        assertThat(Cli.run(dir, "demo", "--help").stdout()).contains("Default: .autoremediate/demo");
    }

    @Test
    void executeHelpListsItsExitCodes() throws Exception {
        String help = Cli.run(dir, "execute", "--help").stdout();

        assertThat(help).contains("Exit codes:")
                .containsPattern("(?m)^\\s+0\\s+the execution succeeded")
                .containsPattern("(?m)^\\s+1\\s+the execution failed, timed out or was aborted")
                .containsPattern("(?m)^\\s+2\\s+invalid definition, input or --function binding");
    }

    private static List<String> tokensBrokenAcrossLines(String help) {
        String[] lines = help.split("\\R");
        List<String> broken = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            boolean cutToken = WRAPPED_END.matcher(lines[i]).matches() && CONTINUED_TOKEN.matcher(lines[i + 1]).matches();
            boolean cutPath = !lines[i].isBlank() && !lines[i].endsWith(" ") && CONTINUED_PATH.matcher(lines[i + 1]).matches();
            if (cutToken || cutPath) {
                broken.add(lines[i].strip() + " | " + lines[i + 1].strip());
            }
        }
        return broken;
    }
}

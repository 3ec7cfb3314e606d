package io.autoremediate.functions.adapters.aws;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the shell text that runs a runbook under its own interpreter. AWS-RunShellScript saves the
 * {@code commands} to a file and runs it with {@code sh} (amazon-ssm-agent's runshellscript plugin; dash on
 * Debian and Ubuntu), so a runbook pasted in whole would lose its {@code #!/bin/bash}, and with it {@code [[ ]]},
 * arrays and {@code pipefail}. Instead the runbook is copied verbatim into a private temporary file through a
 * quoted here-document (nothing in it is expanded) and started with the interpreter its {@code #!} line names,
 * or bash when it names none. The interpreter is called explicitly rather than by executing the file, so a
 * {@code /tmp} mounted {@code noexec} does not stop it. The exported incident variables reach it as its
 * environment; the file is removed when the runbook ends.
 */
final class RunbookLauncher {

    /** A plain shell variable of the wrapper; ShellExports refuses it as a name, so no value can replace it. */
    static final String FILE_VARIABLE = "autoremediate_runbook";
    static final String DELIMITER = "AUTOREMEDIATE_RUNBOOK_EOF";
    /** Exit code when the wrapper itself fails before the runbook starts (disk full, no mktemp). */
    static final int SETUP_FAILED = 125;
    private static final Pattern LINES = Pattern.compile("\r?\n|\r");

    private RunbookLauncher() {
    }

    /** The text that writes {@code script} to a file and runs it; one element of {@code commands}. */
    static String command(String script) {
        if (script.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the runbook contains a NUL character; a shell script cannot carry "
                    + "one: check that the object is a text script");
        }
        String delimiter = delimiterFor(script);
        String f = "\"$" + FILE_VARIABLE + "\"";
        String setupFailed = " || { echo 'autoremediate: could not write the runbook to a temporary file' >&2; exit "
                + SETUP_FAILED + "; }";
        return String.join("\n",
                FILE_VARIABLE + "=$(mktemp \"${TMPDIR:-/tmp}/autoremediate-runbook.XXXXXXXXXX\")" + setupFailed,
                // The EXIT trap removes the file; the others turn a signal into an exit so that it runs.
                "trap 'rm -f " + f + "' EXIT",
                "trap 'exit 129' HUP",
                "trap 'exit 130' INT",
                "trap 'exit 143' TERM",
                "cat > " + f + " <<'" + delimiter + "'" + setupFailed,
                script.endsWith("\n") ? script + delimiter : script + "\n" + delimiter,
                "chmod 700 " + f,
                runLine(script, f),
                "exit $?");
    }

    /** {@value #DELIMITER}, or with a number after it when a line of the script is exactly that word. */
    static String delimiterFor(String script) {
        List<String> lines = List.of(LINES.split(script, -1));
        String delimiter = DELIMITER;
        for (int n = 1; lines.contains(delimiter); n++) {
            delimiter = DELIMITER + "_" + n;
        }
        return delimiter;
    }

    /**
     * The line that runs the file as the kernel would for its {@code #!} line, each word single-quoted: the
     * interpreter and at most one argument (Linux passes the rest of the line as one). Without a {@code #!} line:
     * bash, or sh where bash is not installed.
     */
    static String runLine(String script, String file) {
        String first = script.lines().findFirst().orElse("").strip();
        if (!first.startsWith("#!") || first.substring(2).isBlank()) {
            return "if command -v bash >/dev/null 2>&1; then bash " + file + "; else sh " + file + "; fi";
        }
        String[] words = first.substring(2).strip().split("\\s+", 2);
        String command = ShellExports.quote("interpreter", words[0]);
        return (words.length == 1 ? command : command + " " + ShellExports.quote("interpreter argument", words[1]))
                + " " + file;
    }
}

package io.autoremediate.functions.adapters.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes an environment as POSIX shell {@code export NAME='value'} lines, so that incident data (alarm names,
 * reasons, dimensions: anyone who can name an alarm chooses them) reaches a runbook as data and never as
 * code. Inside single quotes no character is special except the quote itself, which is written {@code '\''}
 * (close, escaped quote, reopen); this holds in bash and dash alike.
 */
final class ShellExports {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Names that change how the shell itself or the dynamic loader behaves, or where the runbook's file is
     * written. Setting them from incident data would let a value steer the runbook, so they are refused even
     * though callers choose the names.
     */
    private static final Set<String> RESERVED = Set.of(
            "PATH", "IFS", "ENV", "BASH_ENV", "SHELLOPTS", "BASHOPTS", "PS4", "PROMPT_COMMAND", "CDPATH",
            "GLOBIGNORE", "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "TMPDIR", RunbookLauncher.FILE_VARIABLE);

    private ShellExports() {
    }

    /** One {@code export} line per variable, sorted by name so the same incident gives the same script. */
    static List<String> lines(Map<String, String> environment) {
        List<String> lines = new ArrayList<>(environment.size());
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            lines.add("export " + checkedName(variable.getKey()) + "=" + quote(variable.getKey(), variable.getValue()));
        }
        return lines;
    }

    private static String checkedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment variable name '" + printable(name)
                    + "' is not a shell name (letters, digits and _, not starting with a digit)");
        }
        if (RESERVED.contains(name) || name.startsWith("BASH_FUNC_")) {
            throw new IllegalArgumentException("environment variable name '" + name
                    + "' would change how the shell runs the runbook; choose another name");
        }
        return name;
    }

    /** The value in single quotes; a NUL is refused because no shell variable can hold one. */
    static String quote(String name, String value) {
        String text = value == null ? "" : value;
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the value of environment variable " + name
                    + " contains a NUL character, which a shell variable cannot hold");
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}

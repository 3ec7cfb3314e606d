package io.autoremediate.functions.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A runbook's content with its reference. A runbook asks for approval before it runs with a line
 * {@code # autoremediate: approval=required} among its first lines: part of the hashed content, so the
 * request cannot be dropped without changing the hash.
 */
public record Runbook(RunbookRef ref, String script) {

    static final int HEADER_LINES = 20;
    private static final Pattern APPROVAL = Pattern.compile(
            "#\\s*autoremediate:\\s*approval\\s*=\\s*required\\s*", Pattern.CASE_INSENSITIVE);

    public Runbook {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(script, "script");
    }

    /** Hex SHA-256, the hash recorded for audit and checked again before sending. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Reads bytes as a script: runbooks are UTF-8 text. */
    public static Runbook of(String key, String location, String version, byte[] content) {
        String script = new String(content, StandardCharsets.UTF_8);
        return new Runbook(new RunbookRef(key, location, version, sha256(content), content.length,
                asksForApproval(script)), script);
    }

    static boolean asksForApproval(String script) {
        return script.lines().limit(HEADER_LINES).anyMatch(line -> APPROVAL.matcher(line.strip()).matches());
    }
}

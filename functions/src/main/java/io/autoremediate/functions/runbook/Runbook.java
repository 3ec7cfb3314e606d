package io.autoremediate.functions.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A runbook's content with its reference. */
public record Runbook(RunbookRef ref, String script) {

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
        return new Runbook(new RunbookRef(key, location, version, sha256(content), content.length),
                new String(content, StandardCharsets.UTF_8));
    }
}

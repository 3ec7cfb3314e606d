package io.autoremediate.engine.internal.context;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Task tokens: the execution's ARN (so an answer finds its execution, after a restart too) and 32 random
 * bytes from a SecureRandom (a token approves a remediation, so it must not be guessable), base64url-encoded.
 */
public final class TaskTokens {
    /** SendTaskSuccess's limit on a token's length. */
    public static final int MAX_LENGTH = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private TaskTokens() {
    }

    public static String issue(String executionArn) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return ENCODER.encodeToString(executionArn.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(secret);
    }

    /** The ARN of the execution a token belongs to; empty when the text is no token of ours. */
    public static Optional<String> executionArnOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.') || token.length() - dot - 1 != 43) {
            return Optional.empty();
        }
        try {
            String arn = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            DECODER.decode(token.substring(dot + 1));
            return arn.startsWith("arn:") && arn.contains(":execution:") ? Optional.of(arn) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package io.autoremediate.functions.resolve;

import io.autoremediate.functions.runbook.RunbookRef;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a found runbook must be to run: at most {@code maxBytes}, and, when an allow-list is given, one of
 * the approved SHA-256 hashes (so a runbook changed in the bucket by anyone runs only once it is approved).
 *
 * @param allowedSha256 hex hashes; empty means every runbook in the store is trusted
 */
public record RunbookPolicy(long maxBytes, Set<String> allowedSha256) {

    public static final long DEFAULT_MAX_BYTES = 64 * 1024;

    public RunbookPolicy {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be 1 or more, got " + maxBytes);
        }
        allowedSha256 = allowedSha256 == null ? Set.of()
                : allowedSha256.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        for (String hash : allowedSha256) {
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("'" + hash + "' in the runbook allow-list is not a SHA-256 hex hash");
            }
        }
    }

    public static RunbookPolicy trustingTheStore() {
        return new RunbookPolicy(DEFAULT_MAX_BYTES, Set.of());
    }

    /** Reads a comma- or space-separated list of hashes, as an environment variable holds it. */
    public static RunbookPolicy withAllowList(String hashes) {
        return new RunbookPolicy(DEFAULT_MAX_BYTES,
                hashes == null || hashes.isBlank() ? Set.of() : Set.of(hashes.strip().split("[,\\s]+")));
    }

    /** Why this runbook may not run, or null when it may. */
    String refusal(RunbookRef runbook) {
        if (runbook.size() > maxBytes) {
            return "runbook '" + runbook.key() + "' is " + runbook.size() + " bytes, over the limit of " + maxBytes;
        }
        if (!allowedSha256.isEmpty() && !allowedSha256.contains(runbook.sha256())) {
            return "runbook '" + runbook.key() + "' (sha256 " + runbook.sha256() + ") is not on the allow-list of"
                    + " approved runbooks; approve it by adding its hash, or restore the approved version";
        }
        return null;
    }
}

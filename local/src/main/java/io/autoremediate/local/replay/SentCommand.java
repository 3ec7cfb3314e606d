package io.autoremediate.local.replay;

/** One runbook run a replay made (or, in a dry run, would have made). */
public record SentCommand(String key, String sha256, String target, String commandId, String status, Integer exitCode) {
}

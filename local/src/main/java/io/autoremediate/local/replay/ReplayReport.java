package io.autoremediate.local.replay;

import java.util.List;

/** What one replayed event did: the document {@code autoremediate replay} prints. */
public record ReplayReport(
        String executionName,
        String status,
        String outcome,
        String reason,
        List<SentCommand> commandsSent,
        List<RecordingChannel.Sent> notifications,
        String historyFile) {
}

package io.autoremediate.functions.command;


/** SSM Run Command invocation statuses (GetCommandInvocation {@code Status}), each marked terminal or not. */
public enum CommandStatus {
    PENDING("Pending", false),
    IN_PROGRESS("InProgress", false),
    DELAYED("Delayed", false),
    CANCELLING("Cancelling", false),
    SUCCESS("Success", true),
    CANCELLED("Cancelled", true),
    TIMED_OUT("TimedOut", true),
    FAILED("Failed", true);

    private final String ssmName;
    private final boolean terminal;

    CommandStatus(String ssmName, boolean terminal) {
        this.ssmName = ssmName;
        this.terminal = terminal;
    }

    public String ssmName() {
        return ssmName;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Maps SSM's spelling; an unknown status is an error rather than a guess. */
    public static CommandStatus fromSsm(String status) {
        for (CommandStatus candidate : values()) {
            if (candidate.ssmName.equals(status)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown SSM command status '" + status + "'");
    }
}

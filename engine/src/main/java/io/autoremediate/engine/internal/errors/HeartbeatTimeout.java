package io.autoremediate.engine.internal.errors;

/**
 * {@code States.HeartbeatTimeout}: a Task waiting for a task token heard no heartbeat within HeartbeatSeconds.
 * Unlike States.Timeout, States.TaskFailed matches it.
 */
public final class HeartbeatTimeout extends StatesError {
    private static final long serialVersionUID = 1L;

    public HeartbeatTimeout(String cause) {
        super(ErrorNames.HEARTBEAT_TIMEOUT, cause);
    }

    @Override
    public boolean isTaskFailure() {
        return true;
    }
}

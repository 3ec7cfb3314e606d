package io.autoremediate.engine;

/**
 * Hears each task token once its Task waits for it, on the executing thread. It may answer at once
 * ({@code sendTaskSuccess} and the like on the same engine or runtime), as an approver in a test would.
 */
@FunctionalInterface
public interface TaskTokenListener {
    TaskTokenListener NONE = issued -> { };

    void onTaskToken(TaskTokenIssued issued);
}

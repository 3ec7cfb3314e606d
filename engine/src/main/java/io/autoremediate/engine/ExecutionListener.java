package io.autoremediate.engine;

/** Sees each history event as it is appended, on the executing thread (the CLI prints a live timeline). */
@FunctionalInterface
public interface ExecutionListener {
    ExecutionListener NONE = event -> { };

    void onEvent(HistoryEvent event);
}

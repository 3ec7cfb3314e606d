package io.autoremediate.engine.internal.errors;

/** {@code States.NoChoiceMatched}: no Choice rule matched and the Choice state has no Default. */
public final class NoChoiceMatched extends StatesError {
    private static final long serialVersionUID = 1L;

    public NoChoiceMatched(String cause) {
        super(ErrorNames.NO_CHOICE_MATCHED, cause);
    }
}

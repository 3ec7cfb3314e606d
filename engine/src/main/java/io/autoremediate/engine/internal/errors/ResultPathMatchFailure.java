package io.autoremediate.engine.internal.errors;

/** {@code States.ResultPathMatchFailure}: a state's ResultPath cannot be applied to its input. */
public final class ResultPathMatchFailure extends StatesError {
    private static final long serialVersionUID = 1L;

    public ResultPathMatchFailure(String cause) {
        super(ErrorNames.RESULT_PATH_MATCH_FAILURE, cause);
    }
}

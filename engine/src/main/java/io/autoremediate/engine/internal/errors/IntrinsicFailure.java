package io.autoremediate.engine.internal.errors;

/** {@code States.IntrinsicFailure}: an intrinsic function call could not be evaluated. */
public final class IntrinsicFailure extends StatesError {
    private static final long serialVersionUID = 1L;

    public IntrinsicFailure(String cause) {
        super(ErrorNames.INTRINSIC_FAILURE, cause);
    }
}

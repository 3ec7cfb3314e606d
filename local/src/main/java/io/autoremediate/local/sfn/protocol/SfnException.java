package io.autoremediate.local.sfn.protocol;

import java.util.Objects;

/**
 * An error the Step Functions API returns, by its AWS name ({@code __type}), e.g. {@code ExecutionAlreadyExists}.
 * The SDKs turn the name into their exception class, so it must be spelled exactly as AWS spells it.
 */
public class SfnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final int httpStatus;

    public SfnException(String type, String message) {
        this(type, message, 400);
    }

    public SfnException(String type, String message, int httpStatus) {
        super(message);
        this.type = Objects.requireNonNull(type, "type");
        this.httpStatus = httpStatus;
    }

    /** The error's AWS name, the {@code __type} of the response body. */
    public String type() {
        return type;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** AWS's wording for a field that failed its constraint: {@code 1 validation error detected: ...}. */
    public static SfnException validation(String field, Object value, String constraint) {
        return new SfnException("ValidationException", "1 validation error detected: Value " + describe(value)
                + " at '" + field + "' failed to satisfy constraint: " + constraint);
    }

    private static String describe(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }
}

package io.autoremediate.engine.internal.errors;

/** The predefined error names of the States Language ("Errors" section), all prefixed {@code States.}. */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";

    private ErrorNames() {
    }

    /** Whether a name is one the spec reserves; states may not raise other {@code States.} names. */
    public static boolean isPredefined(String name) {
        return switch (name) {
            case ALL, TASK_FAILED, TIMEOUT, HEARTBEAT_TIMEOUT, RUNTIME, NO_CHOICE_MATCHED, INTRINSIC_FAILURE,
                    RESULT_PATH_MATCH_FAILURE, PARAMETER_PATH_FAILURE, BRANCH_FAILED, PERMISSIONS,
                    DATA_LIMIT_EXCEEDED, "States.ItemReaderFailed", "States.ResultWriterFailed",
                    EXCEED_TOLERATED_FAILURE_THRESHOLD, "States.QueryEvaluationError",
                    "States.Http.Socket" -> true;
            default -> false;
        };
    }
}

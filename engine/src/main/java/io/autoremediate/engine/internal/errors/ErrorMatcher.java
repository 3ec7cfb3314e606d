package io.autoremediate.engine.internal.errors;

import java.util.List;

/** Decides whether an ErrorEquals list matches an error (States Language spec, "Retrying after error"). */
public final class ErrorMatcher {
    private ErrorMatcher() {
    }

    public static boolean matches(List<String> errorEquals, StatesError error) {
        if (!error.isRecoverable()) {
            return false;
        }
        if (error.errorName() != null && errorEquals.contains(error.errorName())) {
            return true;
        }
        if (errorEquals.contains(ErrorNames.TASK_FAILED) && error.isTaskFailure()) {
            return true;
        }
        return errorEquals.contains(ErrorNames.ALL) && error.caughtByStatesAll();
    }
}

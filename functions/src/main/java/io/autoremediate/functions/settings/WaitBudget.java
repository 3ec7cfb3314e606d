package io.autoremediate.functions.settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The longest an execution can spend waiting under a set of settings: guard waits, the approval gate, and
 * every attempt's polls, recovery checks and pauses. It must leave room inside the definition's
 * {@code TimeoutSeconds}: an execution that times out ends TIMED_OUT without telling anyone, so settings
 * whose waits could reach it are refused before any execution starts.
 */
public final class WaitBudget {

    /** The definition's TimeoutSeconds (statemachine/remediation.asl.json). */
    public static final long EXECUTION_TIMEOUT_SECONDS = 86_400;
    /** Kept for the steps themselves, their retries, and the escalation at the end. */
    public static final long RESERVED_FOR_STEPS_SECONDS = 3_600;
    public static final long MAX_WAIT_SECONDS = EXECUTION_TIMEOUT_SECONDS - RESERVED_FOR_STEPS_SECONDS;

    private WaitBudget() {
    }

    /** @param settings every setting, defaults included */
    public static long worstCaseSeconds(JsonNode settings) {
        return guardSeconds(settings) + approvalSeconds(settings) + attemptsSeconds(settings);
    }

    /** Throws, naming the parts, when the waits these settings allow could run into the execution timeout. */
    static void check(JsonNode settings) {
        long worst = worstCaseSeconds(settings);
        if (worst > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("settings allow an execution to wait up to " + worst + " s (guard "
                    + guardSeconds(settings) + " s = maxGuardWaits x guardWaitSeconds, approval "
                    + approvalSeconds(settings) + " s = approvalTimeoutSeconds, attempts " + attemptsSeconds(settings)
                    + " s = maxAttempts x (maxPolls x pollIntervalSeconds + maxRecoveryChecks x"
                    + " recoveryCheckIntervalSeconds) + (maxAttempts - 1) x pauseBetweenAttemptsSeconds), more than the "
                    + MAX_WAIT_SECONDS + " s that fit in the execution's " + EXECUTION_TIMEOUT_SECONDS
                    + " s timeout with room to escalate; lower some of them");
        }
    }

    private static long guardSeconds(JsonNode s) {
        return number(s, "maxGuardWaits") * number(s, "guardWaitSeconds");
    }

    private static long approvalSeconds(JsonNode s) {
        return number(s, "approvalTimeoutSeconds");
    }

    private static long attemptsSeconds(JsonNode s) {
        long attempts = number(s, "maxAttempts");
        long perAttempt = number(s, "maxPolls") * number(s, "pollIntervalSeconds")
                + number(s, "maxRecoveryChecks") * number(s, "recoveryCheckIntervalSeconds");
        return attempts * perAttempt + Math.max(0, attempts - 1) * number(s, "pauseBetweenAttemptsSeconds");
    }

    private static long number(JsonNode settings, String name) {
        JsonNode value = settings.get(name);
        if (value == null || !value.isIntegralNumber()) {
            throw new IllegalStateException("setting " + name + " has no whole-number value");
        }
        return value.asLong();
    }
}

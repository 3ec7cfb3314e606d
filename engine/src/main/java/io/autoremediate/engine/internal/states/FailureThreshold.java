package io.autoremediate.engine.internal.states;

/**
 * How many failed iterations one run of a Distributed Map tolerates: at most {@code count} of them and at most
 * {@code percentage} percent of all items; {@code null} where the definition sets no such limit. With neither
 * set the threshold is 0, so one failure is too many. With both, exceeding either fails the Map.
 */
record FailureThreshold(Long count, Double percentage) {

    /** Whether {@code failed} failed iterations out of {@code total} items are more than this tolerates. */
    boolean exceededBy(int failed, int total) {
        if (count == null && percentage == null) {
            return failed > 0;
        }
        boolean overCount = count != null && failed > count;
        // The share is of all items, not of those run so far, so it can be judged at each failure.
        boolean overPercentage = percentage != null && failed * 100.0 / total > percentage;
        return overCount || overPercentage;
    }

    /** Which limit {@code failed} of {@code total} exceeds, for the error's cause. */
    String describeExcess(int failed, int total) {
        String limits = (count == null ? "" : "ToleratedFailureCount " + count)
                + (count != null && percentage != null ? ", " : "")
                + (percentage == null ? "" : "ToleratedFailurePercentage " + percentage);
        return failed + " of " + total + " iterations failed, more than the tolerated failure threshold ("
                + (limits.isEmpty() ? "none declared, so 0" : limits) + ") allows";
    }
}

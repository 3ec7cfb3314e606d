package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The 25,000-event history quota at its real size, with the engine's default limit. AWS Step Functions
 * Developer Guide, "Avoid reaching the history quota"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html): "When an execution reaches
 * 24,999 events, it waits for the next event to happen. If the event number 25,000 is ExecutionSucceeded, the
 * execution finishes successfully. If the event number 25,000 isn't ExecutionSucceeded, the ExecutionFailed
 * event is logged". The service fails it with error States.Runtime and the cause "The execution reached the
 * maximum number of history events (25000)." (an execution's output as reported in
 * https://github.com/loads/ardere/issues/86; the cause also in
 * https://cloudonaut.io/step-functions-pitfall-maximum-number-of-history-events/).
 */
class HistoryQuotaTest {
    /**
     * Counts $.n up to $.rounds. Events: ExecutionStarted; per round PassStateEntered, PassStateExited,
     * ChoiceStateEntered, ChoiceStateExited; then SucceedStateEntered, SucceedStateExited, ExecutionSucceeded.
     */
    private static final StateMachineDefinition COUNTER = StateMachineDefinition.parse("""
            {"StartAt":"Count","States":{
              "Count":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)","rounds.$":"$.rounds"},
                       "Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThanPath":"$.rounds","Next":"Count"}],
                       "Default":"Done"},
              "Done":{"Type":"Succeed"}}}""");
    private static final int EVENTS_OUTSIDE_ROUNDS = 4;
    private static final int EVENTS_PER_ROUND = 4;
    /** The most rounds whose history fits the quota exactly: (25,000 - 4) / 4 = 6,249, ending on event 25,000. */
    private static final int ROUNDS_THAT_FIT = (25_000 - EVENTS_OUTSIDE_ROUNDS) / EVENTS_PER_ROUND;

    private static ExecutionResult count(int rounds) {
        return OneShot.execute(new FunctionRegistry(), new VirtualClock(), COUNTER, new ExecutionRequest("sm", "count-" + rounds,
                Workflow.json("{\"n\":0,\"rounds\":" + rounds + "}")), ExecutionListener.NONE);
    }

    @Test
    void theEventCountPerRoundIsWhatTheQuotaArithmeticAssumes() {
        assertThat(count(3).history()).hasSize(EVENTS_OUTSIDE_ROUNDS + 3 * EVENTS_PER_ROUND);
    }

    @Test
    void anExecutionWhoseEvent25000IsExecutionSucceededSucceeds() {
        ExecutionResult result = count(ROUNDS_THAT_FIT);

        assertThat(result.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).isEqualTo(Workflow.json("{\"n\":" + ROUNDS_THAT_FIT + ",\"rounds\":"
                + ROUNDS_THAT_FIT + "}"));
        assertThat(result.history()).hasSize(25_000);
    }

    @Test
    void anExecutionNeedingMoreThan25000EventsFailsWithStatesRuntimeOnEvent25000() {
        ExecutionResult result = count(ROUNDS_THAT_FIT + 1);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("States.Runtime");
        assertThat(result.cause()).isEqualTo("The execution reached the maximum number of history events (25000).");
        assertThat(result.history()).hasSize(25_000);
        assertThat(result.history().get(24_999).type()).isEqualTo("ExecutionFailed");
    }
}

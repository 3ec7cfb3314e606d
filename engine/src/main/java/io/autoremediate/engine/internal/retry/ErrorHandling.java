package io.autoremediate.engine.internal.retry;

import io.autoremediate.engine.internal.errors.ErrorMatcher;
import io.autoremediate.engine.internal.errors.StatesError;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * A state's Retry and Catch fields and the one place that decides what an error leads to: the first
 * Retrier whose ErrorEquals matches decides whether to retry; when it is exhausted (or none matches), the
 * first matching Catcher wins; otherwise the error propagates.
 */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    public ErrorHandling {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }

    /** What to do about an error. */
    public sealed interface Decision {
        /** Run the state again after {@code delay}; {@code retrierIndex} names the retrier used. */
        record Retry(int retrierIndex, Duration delay) implements Decision {
        }

        record Catch(Catcher catcher) implements Decision {
        }

        record Propagate() implements Decision {
        }
    }

    /**
     * @param attemptsByRetrier retries already made by each retrier since the state was entered
     */
    public Decision decide(StatesError error, List<Integer> attemptsByRetrier, Random random) {
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (ErrorMatcher.matches(retrier.errorEquals(), error)) {
                int attempts = i < attemptsByRetrier.size() ? attemptsByRetrier.get(i) : 0;
                if (retrier.hasAttemptsLeft(attempts)) {
                    return new Decision.Retry(i, retrier.delayBefore(attempts, random));
                }
                break;
            }
        }
        for (Catcher catcher : catchers) {
            if (ErrorMatcher.matches(catcher.errorEquals(), error)) {
                return new Decision.Catch(catcher);
            }
        }
        return new Decision.Propagate();
    }
}

package io.autoremediate.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The alarm transitions seen so far, to measure detection and recovery. */
final class AlarmHistory {

    record Transition(String alarmName, String state, Instant at) {
    }

    private final List<Transition> transitions = new ArrayList<>();

    synchronized void record(String alarmName, String state, Instant at) {
        transitions.add(new Transition(alarmName, state, at));
        notifyAll();
    }

    /** The first change of {@code alarmName} into {@code state} at or after {@code since}. */
    synchronized Optional<Instant> firstInto(String alarmName, String state, Instant since) {
        return transitions.stream()
                .filter(t -> t.alarmName().equals(alarmName) && t.state().equals(state) && !t.at().isBefore(since))
                .map(Transition::at).findFirst();
    }

    /** Waits for that change, up to {@code timeout}. */
    synchronized Optional<Instant> awaitInto(String alarmName, String state, Instant since, Duration timeout)
            throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        Optional<Instant> found = firstInto(alarmName, state, since);
        while (found.isEmpty() && Instant.now().isBefore(until)) {
            wait(Math.max(1, Duration.between(Instant.now(), until).toMillis()));
            found = firstInto(alarmName, state, since);
        }
        return found;
    }
}

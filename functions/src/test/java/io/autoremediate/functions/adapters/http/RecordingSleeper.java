package io.autoremediate.functions.adapters.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits a poster asks for instead of sleeping, so retry tests take milliseconds. */
final class RecordingSleeper implements JsonPoster.Sleeper {

    final List<Duration> waits = new ArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}

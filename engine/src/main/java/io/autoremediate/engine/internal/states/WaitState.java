package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import io.autoremediate.engine.internal.json.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * Wait (spec "Wait State"): delays for Seconds or until a Timestamp, either given literally or read from the
 * effective input by SecondsPath or TimestampPath. It suspends rather than sleeps, so a scheduler can resume it.
 */
public final class WaitState extends State {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath",
            "Seconds", "SecondsPath", "Timestamp", "TimestampPath");

    private final Integer seconds;
    private final Instant timestamp;
    private final JsonPath secondsPath;
    private final JsonPath timestampPath;

    WaitState(String name, Transition transition, InputOutput io, Integer seconds, Instant timestamp,
              JsonPath secondsPath, JsonPath timestampPath) {
        super(name, transition, io);
        this.seconds = seconds;
        this.timestamp = timestamp;
        this.secondsPath = secondsPath;
        this.timestampPath = timestampPath;
    }

    public static WaitState parse(String name, FieldReader r, Transition transition) {
        long given = Stream.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath").filter(r::has).count();
        if (given != 1) {
            r.problem("exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath' is required, but "
                    + given + " were given");
        }
        Instant timestamp = r.string("Timestamp").flatMap(text -> {
            Optional<Instant> parsed = Timestamps.parse(text);
            if (parsed.isEmpty()) {
                r.problem("'Timestamp' must be an RFC 3339 timestamp like 2016-03-14T01:59:00Z, but was '" + text + "'");
            }
            return parsed;
        }).orElse(null);
        return new WaitState(name, transition, r.inputOutput(false, false, false),
                r.integer("Seconds", 0).orElse(null), timestamp,
                r.path("SecondsPath", true).orElse(null), r.path("TimestampPath", true).orElse(null));
    }

    @Override
    public String type() {
        return "Wait";
    }

    @Override
    public Outcome run(StateRun run) {
        Scope scope = run.scope();
        JsonNode effective = io().effectiveInput(run.input(), scope);
        Instant until = deadline(run, scope.withInput(effective));
        return new Outcome.Suspend(until, io().output(run.input(), effective, scope));
    }

    @Override
    public Outcome resume(StateRun run) {
        return new Outcome.Proceed(run.carried());
    }

    private Instant deadline(StateRun run, Scope scope) {
        if (seconds != null) {
            return run.now().plusSeconds(seconds);
        }
        if (timestamp != null) {
            return timestamp;
        }
        if (secondsPath != null) {
            JsonNode value = read(secondsPath, scope, "SecondsPath");
            if (!value.isIntegralNumber() || value.longValue() < 0) {
                throw new RuntimeFailure("The SecondsPath parameter does not reference a valid non-negative integer: "
                        + Json.write(value));
            }
            return run.now().plusSeconds(value.longValue());
        }
        JsonNode value = read(timestampPath, scope, "TimestampPath");
        return Timestamps.parse(value.isTextual() ? value.textValue() : null).orElseThrow(() -> new RuntimeFailure(
                "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format"
                        + " string: " + Json.write(value)));
    }

    private static JsonNode read(JsonPath path, Scope scope, String field) {
        return path.read(scope.rootFor(path)).orElseThrow(() -> new RuntimeFailure("Invalid path '" + path.text()
                + "' : No results for path: " + path.bracketNotation() + " (" + field + ")"));
    }
}

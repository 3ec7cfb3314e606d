package io.autoremediate.local.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Patterns;

/**
 * An EventBridge event pattern, compiled and judged by AWS's own matcher (event-ruler, which EventBridge's
 * content filtering is built on), then matched against events.
 */
public final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final List<Map<String, List<Patterns>>> subRules;
    private final GenericMachine<EventPattern> machine = new GenericMachine<>();

    private EventPattern(String source, List<Map<String, List<Patterns>>> subRules) {
        this.source = source;
        this.subRules = subRules;
        addTo(machine, this);
    }

    /** Validates {@code pattern}; throws {@link InvalidEventPatternException} naming the offending field. */
    public static EventPattern of(JsonNode pattern) {
        Objects.requireNonNull(pattern, "event pattern must not be null");
        String source = pattern.toString();
        try {
            return new EventPattern(source, JsonRuleCompiler.compile(source));
        } catch (JsonParseException refused) {
            throw RulerRefusal.explain(source, refused);
        } catch (IllegalArgumentException refused) { // a malformed operand (a CIDR) is refused without a location
            throw new InvalidEventPatternException(null, refused.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory pattern", e);
        }
    }

    /** Parses and validates a pattern written as JSON text. */
    public static EventPattern of(String patternJson) {
        try {
            return of(JSON.readTree(patternJson));
        } catch (JsonProcessingException e) {
            throw new InvalidEventPatternException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** True when {@code event} satisfies the pattern. */
    public boolean matches(JsonNode event) {
        return event != null && event.isObject() && !machine.rulesForJSONEvent(event).isEmpty();
    }

    /** Adds this pattern to {@code target}'s machine under {@code key} ({@code $or} compiles to several rules). */
    <T> void addTo(GenericMachine<T> target, T key) {
        subRules.forEach(subRule -> target.addPatternRule(key, subRule));
    }

    /** Takes back what {@link #addTo} added. */
    <T> void removeFrom(GenericMachine<T> target, T key) {
        subRules.forEach(subRule -> target.deletePatternRule(key, subRule));
    }

    @Override
    public String toString() {
        return source;
    }
}

package io.autoremediate.local.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EventBridge event pattern, validated once and then matched against events: exact values, nested objects,
 * {@code prefix}, {@code suffix}, {@code anything-but}, {@code exists}, {@code numeric}, {@code equals-ignore-case},
 * {@code wildcard} and {@code $or} (EventBridge user guide, "Event patterns" and "Content filtering").
 */
public final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectRule root;
    private final String source;

    private EventPattern(ObjectRule root, String source) {
        this.root = root;
        this.source = source;
    }

    /** Validates {@code pattern}; throws {@link InvalidEventPatternException} naming the offending field. */
    public static EventPattern of(JsonNode pattern) {
        Objects.requireNonNull(pattern, "event pattern must not be null");
        return new EventPattern(EventPatternParser.parse(pattern), pattern.toString());
    }

    /** Parses and validates a pattern written as JSON text. */
    public static EventPattern of(String patternJson) {
        try {
            return of(JSON.readTree(patternJson));
        } catch (JsonProcessingException e) {
            throw new InvalidEventPatternException("", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** True when {@code event} satisfies every field of the pattern. */
    public boolean matches(JsonNode event) {
        return event != null && event.isObject() && root.matches(event);
    }

    @Override
    public String toString() {
        return source;
    }

    /** A pattern object: every field rule must match and, when present, one of the {@code $or} alternatives. */
    record ObjectRule(Map<String, FieldRule> fields, List<ObjectRule> anyOf) {
        boolean matches(JsonNode object) {
            for (Map.Entry<String, FieldRule> field : fields.entrySet()) {
                JsonNode value = object.isObject() ? object.path(field.getKey()) : MissingNode.getInstance();
                if (!field.getValue().matches(value)) {
                    return false;
                }
            }
            return anyOf.isEmpty() || anyOf.stream().anyMatch(alternative -> alternative.matches(object));
        }
    }

    sealed interface FieldRule {
        boolean matches(JsonNode value);
    }

    /** A nested pattern object; an event array of objects matches when any element does. */
    record NestedRule(ObjectRule rule) implements FieldRule {
        @Override
        public boolean matches(JsonNode value) {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (rule.matches(element)) {
                        return true;
                    }
                }
                return false;
            }
            return rule.matches(value.isObject() ? value : MissingNode.getInstance());
        }
    }

    /** A list of value matchers; an event array matches when any element matches any matcher. */
    record LeafRule(List<ValueMatcher> anyOf) implements FieldRule {
        @Override
        public boolean matches(JsonNode value) {
            if (value.isMissingNode()) {
                return anyOf.stream().anyMatch(ValueMatcher::matchesAbsent);
            }
            if (value.isObject()) {
                return false; // value matchers apply to leaves only, as in EventBridge
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (!element.isContainerNode() && matchesScalar(element)) {
                        return true;
                    }
                }
                return false;
            }
            return matchesScalar(value);
        }

        private boolean matchesScalar(JsonNode value) {
            return anyOf.stream().anyMatch(matcher -> matcher.matches(value));
        }
    }
}

package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Ruler;

/**
 * An event pattern as EventBridge receives it (JSON text), judged and matched by AWS's own event-ruler: built only
 * when event-ruler's compiler accepts it, and matched with array consistency, as EventBridge matches.
 */
record AwsEventPattern(String json) {

    AwsEventPattern {
        assertThat(JsonRuleCompiler.check(json)).as("event-ruler's verdict on %s", json).isNull();
    }

    static AwsEventPattern of(JsonNode pattern) {
        return new AwsEventPattern(pattern.toString());
    }

    boolean matches(JsonNode event) {
        try {
            return Ruler.matchesRule(event.toString(), json);
        } catch (Exception e) {
            throw new AssertionError("event-ruler could not match " + event + " against " + json, e);
        }
    }

    @Override
    public String toString() {
        return json;
    }
}

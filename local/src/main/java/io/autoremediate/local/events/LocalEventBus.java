package io.autoremediate.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.event.ruler.GenericMachine;

/**
 * A single-process stand-in for an EventBridge event bus: rules pair an {@link EventPattern} with a target, and
 * every event put on the bus is delivered, synchronously and in rule order, to each rule it matches. All rules share
 * one event-ruler machine, which matches an event against every rule in one pass, as EventBridge does.
 */
public final class LocalEventBus {

    private final Map<String, Rule> rules = new LinkedHashMap<>(); // guarded by this
    private final GenericMachine<Rule> machine = new GenericMachine<>(); // changed under this; matches without it

    /** Creates or replaces the rule {@code name}; the pattern is validated now, not at the first event. */
    public void putRule(String name, JsonNode eventPattern, Consumer<JsonNode> target) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rule name must not be blank");
        }
        Objects.requireNonNull(target, "target of rule '" + name + "'");
        EventPattern pattern;
        try {
            pattern = EventPattern.of(eventPattern);
        } catch (InvalidEventPatternException e) {
            throw new IllegalArgumentException("rule '" + name + "': " + e.getMessage(), e);
        }
        Rule rule = new Rule(name, pattern, target);
        synchronized (this) {
            forget(rules.put(name, rule));
            pattern.addTo(machine, rule);
        }
    }

    /** Removes the rule {@code name}; returns whether it existed. */
    public synchronized boolean removeRule(String name) {
        Rule removed = rules.remove(name);
        forget(removed);
        return removed != null;
    }

    private void forget(Rule rule) {
        if (rule != null) {
            rule.pattern().removeFrom(machine, rule);
        }
    }

    /** Names of the rules, in the order they were first put. */
    public synchronized List<String> ruleNames() {
        return List.copyOf(rules.keySet());
    }

    /**
     * Delivers {@code event} to every matching rule's target. A target that throws is reported on stderr in one
     * line and does not stop delivery to the other rules. Returns how many rules matched.
     */
    public int putEvents(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object, got " + event);
        }
        Set<Rule> matching = new HashSet<>(machine.rulesForJSONEvent(event));
        if (matching.isEmpty()) {
            return 0;
        }
        List<Rule> inOrder;
        synchronized (this) {
            inOrder = rules.values().stream().filter(matching::contains).toList();
        }
        inOrder.forEach(rule -> deliver(rule, event));
        return inOrder.size();
    }

    private static void deliver(Rule rule, JsonNode event) {
        try {
            rule.target().accept(event);
        } catch (RuntimeException e) {
            System.err.println("event bus: target of rule '" + rule.name() + "' failed on event "
                    + event.path("id").asText("(no id)") + " (" + event.path("detail-type").asText("?") + "): "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The machine's key: each putRule compiles a new pattern, compared by identity, so no two rules are equal. */
    private record Rule(String name, EventPattern pattern, Consumer<JsonNode> target) {
    }
}

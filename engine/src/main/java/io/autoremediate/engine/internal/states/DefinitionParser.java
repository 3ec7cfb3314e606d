package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.definition.FieldReader;

/**
 * Reads a state graph ({@code StartAt} and {@code States}: the top level, a Parallel branch or a Map
 * ItemProcessor) and checks what the spec requires of it: every transition names a state of the same
 * graph, and every state is reachable from StartAt.
 */
public final class DefinitionParser {
    static final int MAX_STATE_NAME_LENGTH = 80;

    private DefinitionParser() {
    }

    public static Optional<StateGraph> parseGraph(JsonNode json, Problems problems, Set<String> extraFields) {
        if (json == null || !json.isObject()) {
            problems.add("a state machine must be a JSON object, but was " + (json == null ? "missing" : Json.write(json)));
            return Optional.empty();
        }
        int before = problems.size();
        FieldReader top = new FieldReader(json, problems);
        Set<String> allowed = new HashSet<>(Set.of("StartAt", "States", "Comment"));
        allowed.addAll(extraFields);
        top.allowOnly(allowed, "a state machine");
        Optional<String> startAt = top.requiredString("StartAt");
        top.string("Comment");
        JsonNode statesJson = json.get("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesJson == null || !statesJson.isObject() || statesJson.isEmpty()) {
            problems.add("'States' must be an object with at least one state");
        } else {
            for (Map.Entry<String, JsonNode> field : statesJson.properties()) {
                StateParser.parse(field.getKey(), field.getValue(), problems.within("State '" + field.getKey() + "'"))
                        .ifPresent(state -> states.put(state.name(), state));
            }
        }
        if (startAt.isPresent() && statesJson != null && statesJson.isObject() && !statesJson.has(startAt.get())) {
            problems.add("'StartAt' names '" + startAt.get() + "', which is not a state");
        }
        checkTransitions(states, statesJson, problems);
        if (problems.size() > before || startAt.isEmpty()) {
            return Optional.empty();
        }
        checkReachability(startAt.get(), states, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new StateGraph(startAt.get(), states));
    }

    private static void checkTransitions(Map<String, State> states, JsonNode statesJson, Problems problems) {
        for (State state : states.values()) {
            for (State.Successor successor : state.successors()) {
                if (statesJson == null || !statesJson.has(successor.target())) {
                    problems.add("State '" + state.name() + "': " + successor.field() + " names '"
                            + successor.target() + "', which is not a state");
                }
            }
        }
    }

    private static void checkReachability(String startAt, Map<String, State> states, Problems problems) {
        Set<String> reached = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(startAt);
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (reached.add(name) && states.containsKey(name)) {
                states.get(name).successors().forEach(s -> queue.add(s.target()));
            }
        }
        for (String name : states.keySet()) {
            if (!reached.contains(name)) {
                problems.add("State '" + name + "': not reachable from StartAt '" + startAt + "'");
            }
        }
    }
}

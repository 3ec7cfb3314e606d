package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Json;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.definition.FieldReader;

/** Reads one state: checks its Type, its allowed fields and its Next/End, then lets the type read the rest. */
final class StateParser {
    private StateParser() {
    }

    static Optional<State> parse(String name, JsonNode json, Problems problems) {
        if (name.isEmpty() || name.length() > DefinitionParser.MAX_STATE_NAME_LENGTH) {
            problems.add("a state name must be 1 to " + DefinitionParser.MAX_STATE_NAME_LENGTH + " characters");
        }
        if (!json.isObject()) {
            problems.add("a state must be an object, but was " + Json.write(json));
            return Optional.empty();
        }
        FieldReader r = new FieldReader(json, problems);
        Optional<String> type = r.requiredString("Type");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.size();
        r.string("Comment");
        State state = switch (type.get()) {
            case "Pass" -> PassState.parse(name, checked(r, PassState.FIELDS, "Pass"), transition(r));
            case "Task" -> TaskState.parse(name, checked(r, TaskState.FIELDS, "Task"), transition(r));
            case "Wait" -> WaitState.parse(name, checked(r, WaitState.FIELDS, "Wait"), transition(r));
            case "Choice" -> ChoiceState.parse(name, checked(r, ChoiceState.FIELDS, "Choice"));
            case "Succeed" -> SucceedState.parse(name, checked(r, SucceedState.FIELDS, "Succeed"));
            case "Fail" -> FailState.parse(name, checked(r, FailState.FIELDS, "Fail"));
            case "Parallel" -> ParallelState.parse(name, checked(r, ParallelState.FIELDS, "Parallel"), transition(r));
            case "Map" -> MapState.parse(name, checked(r, MapState.FIELDS, "Map"), transition(r));
            default -> {
                problems.add("'Type' '" + type.get() + "' is not a state type (Pass, Task, Choice, Wait, Succeed, "
                        + "Fail, Parallel, Map)");
                yield null;
            }
        };
        return problems.size() > before ? Optional.empty() : Optional.ofNullable(state);
    }

    /**
     * Checks the fields against the type's own and the two any state may carry in the Amazon States Language as
     * Step Functions runs it, which this engine knows but does not run: refused by name and why, not as unknown.
     */
    private static FieldReader checked(FieldReader r, Set<String> fields, String type) {
        Set<String> allowed = new HashSet<>(fields);
        allowed.addAll(Set.of("QueryLanguage", "Assign"));
        r.allowOnly(allowed, "a " + type + " state");
        // A state may set its own QueryLanguage ("JSONata" or the default "JSONPath").
        r.string("QueryLanguage").filter(q -> !q.equals("JSONPath")).ifPresent(q ->
                r.problem("'QueryLanguage' '" + q + "' is not supported by this engine (only JSONPath)"));
        if (r.has("Assign")) {
            r.problem("'Assign' (workflow variables) is not supported by this engine");
        }
        return r;
    }

    /** Next or End, exactly one (spec "Transitions"). */
    private static Transition transition(FieldReader r) {
        Optional<String> next = r.string("Next");
        Optional<Boolean> end = r.bool("End");
        boolean ends = end.orElse(false);
        if (next.isPresent() && r.has("End")) {
            r.problem("'Next' and 'End' are mutually exclusive");
        } else if (next.isEmpty() && !ends && !r.has("Next")) {
            r.problem("'Next' or 'End: true' is required");
        }
        return next.map(Transition::new).orElse(Transition.END);
    }
}

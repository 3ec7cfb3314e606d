package io.autoremediate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.states.DefinitionParser;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.states.StateGraph;
import io.autoremediate.engine.internal.states.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed and validated Amazon States Language definition (JSONPath dialect). Parsing reports every
 * problem at once, each naming the state and field, as ValidateStateMachineDefinition does.
 */
public final class StateMachineDefinition {
    private static final Set<String> TOP_LEVEL_EXTRAS = Set.of("TimeoutSeconds", "Version", "QueryLanguage");

    private final JsonNode json;
    private final StateGraph graph;
    private final Integer timeoutSeconds;

    private StateMachineDefinition(JsonNode json, StateGraph graph, Integer timeoutSeconds) {
        this.json = json;
        this.graph = graph;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Parses and validates a definition; throws {@link InvalidDefinitionException} listing all problems. */
    public static StateMachineDefinition parse(String definitionJson) {
        JsonNode json;
        try {
            json = Json.parse(definitionJson);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of("the definition is not JSON: " + e.getOriginalMessage()));
        }
        Problems problems = new Problems();
        FieldReader top = new FieldReader(json, problems);
        Integer timeout = null;
        if (json.isObject()) {
            timeout = top.integer("TimeoutSeconds", 1).orElse(null);
            top.string("Version");
            top.string("QueryLanguage").filter(q -> !q.equals("JSONPath")).ifPresent(q ->
                    problems.add("'QueryLanguage' '" + q + "' is not supported by this engine (only JSONPath)"));
        }
        Optional<StateGraph> graph = DefinitionParser.parseGraph(json, problems, TOP_LEVEL_EXTRAS);
        if (!problems.isEmpty() || graph.isEmpty()) {
            throw new InvalidDefinitionException(problems.list());
        }
        return new StateMachineDefinition(json, graph.get(), timeout);
    }

    String startAt() {
        return graph.startAt();
    }

    public Optional<String> comment() {
        return Optional.ofNullable(json.path("Comment").textValue());
    }

    /** The state machine's TimeoutSeconds, if set. */
    Optional<Integer> timeoutSeconds() {
        return Optional.ofNullable(timeoutSeconds);
    }

    /** The names of the top-level states, in definition order. */
    List<String> stateNames() {
        return List.copyOf(graph.states().keySet());
    }

    /** The definition as parsed. */
    public JsonNode json() {
        return json.deepCopy();
    }

    /** Every Task, nested ones included, with the resource it runs. */
    public List<TaskBinding> tasks() {
        List<TaskBinding> tasks = new ArrayList<>();
        graph.forEachStateDeep(state -> {
            if (state instanceof TaskState task) {
                tasks.add(new TaskBinding(task.name(), task.resource().arn(), task.staticFunctionName().orElse(null),
                        task.resource() instanceof io.autoremediate.engine.internal.task.TaskResource.Unsupported));
            }
        });
        return tasks;
    }

    /**
     * One message per Task whose function is not bound in {@code functions} (or whose resource the engine
     * cannot run), naming the state and the function. Empty when all can run.
     */
    public List<String> unboundFunctions(FunctionRegistry functions) {
        List<String> problems = new ArrayList<>();
        for (TaskBinding task : tasks()) {
            if (task.unsupported()) {
                problems.add("State '" + task.stateName() + "': resource '" + task.resource()
                        + "' is not a Lambda function; this engine runs only Lambda ARNs, "
                        + "arn:aws:states:::lambda:invoke and arn:aws:states:::lambda:invoke.waitForTaskToken");
            } else if (task.functionName() != null && functions.find(task.functionName()).isEmpty()) {
                problems.add("State '" + task.stateName() + "': function '" + task.functionName()
                        + "' is not bound (bound: " + functions.functionNames() + ")");
            }
        }
        return problems;
    }

    /**
     * A Task of the definition and the function it invokes.
     *
     * @param functionName the bare function name, or {@code null} when chosen at run time or not a Lambda
     * @param unsupported  whether the resource is one this engine cannot run
     */
    public record TaskBinding(String stateName, String resource, String functionName, boolean unsupported) {
    }

    /** The state graph, for the engine's interpreter; not part of the public surface. */
    StateGraph graph() {
        return graph;
    }
}

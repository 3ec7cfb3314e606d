package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.definition.DefinitionParser;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.errors.StatesError;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.io.PayloadTemplate;
import io.autoremediate.engine.internal.json.FrozenJson;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import io.autoremediate.engine.internal.retry.ErrorHandling;
import io.autoremediate.engine.internal.retry.ErrorHandlingParser;
import io.autoremediate.engine.internal.runtime.ContextObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Map, inline mode (spec "Map State"): runs the ItemProcessor on each element of the array at ItemsPath,
 * each element first shaped by ItemSelector (which sees {@code $$.Map.Item.Index} and {@code .Value}); the
 * result is the array of iteration outputs in item order. At most MaxConcurrency (or MaxConcurrencyPath)
 * iterations run at once, 0 meaning no limit; the interpreter advances them step by step.
 */
public final class MapState extends ForkingState {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath",
            "ItemsPath", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency",
            "MaxConcurrencyPath", "ResultSelector", "ResultPath", "Retry", "Catch");

    private static final String[] ITERATION_KEYS = {"name", "index"};

    private final JsonPath itemsPath;
    private final PayloadTemplate itemSelector;
    private final StateGraph processor;
    private final int maxConcurrency;
    private final JsonPath maxConcurrencyPath;
    private final ErrorHandling errorHandling;

    MapState(String name, Transition transition, InputOutput io, JsonPath itemsPath, PayloadTemplate itemSelector,
             StateGraph processor, int maxConcurrency, JsonPath maxConcurrencyPath, ErrorHandling errorHandling) {
        super(name, transition, io);
        this.itemsPath = itemsPath;
        this.itemSelector = itemSelector;
        this.processor = processor;
        this.maxConcurrency = maxConcurrency;
        this.maxConcurrencyPath = maxConcurrencyPath;
        this.errorHandling = errorHandling;
    }

    public static MapState parse(String name, FieldReader r, Transition transition) {
        if (r.has("ItemSelector") && r.has("Parameters")) {
            r.problem("'ItemSelector' and 'Parameters' are mutually exclusive");
        }
        if (r.has("ItemProcessor") == r.has("Iterator")) {
            r.problem("exactly one of 'ItemProcessor' and 'Iterator' is required");
        }
        if (r.has("MaxConcurrency") && r.has("MaxConcurrencyPath")) {
            r.problem("'MaxConcurrency' and 'MaxConcurrencyPath' are mutually exclusive");
        }
        int maxConcurrency = r.integer("MaxConcurrency", 0).orElse(0);
        JsonPath maxConcurrencyPath = r.path("MaxConcurrencyPath", true).orElse(null);
        JsonNode processorJson = r.has("ItemProcessor") ? r.json().get("ItemProcessor") : r.json().get("Iterator");
        String processorField = r.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (processorJson != null && processorJson.has("ProcessorConfig")) {
            String mode = processorJson.path("ProcessorConfig").path("Mode").asText("INLINE");
            if (!mode.equals("INLINE")) {
                r.problem("'" + processorField + "': ProcessorConfig Mode '" + mode
                        + "' is not supported by this engine (only INLINE)");
            }
        }
        Optional<StateGraph> processor = processorJson == null ? Optional.empty()
                : DefinitionParser.parseGraph(processorJson, r.problems().within(processorField),
                        Set.of("ProcessorConfig"));
        Optional<PayloadTemplate> selector = r.has("ItemSelector") ? r.template("ItemSelector")
                : r.template("Parameters");
        return new MapState(name, transition, r.inputOutput(false, true, true),
                r.path("ItemsPath", true).orElse(InputOutput.ROOT), selector.orElse(null),
                processor.orElse(null), maxConcurrency, maxConcurrencyPath, ErrorHandlingParser.parse(r));
    }

    @Override
    public String type() {
        return "Map";
    }

    @Override
    public ErrorHandling errorHandling() {
        return errorHandling;
    }

    @Override
    public List<StateGraph> children() {
        return processor == null ? List.of() : List.of(processor);
    }

    @Override
    public Outcome run(StateRun run) {
        Scope scope = run.scope();
        JsonNode effective = io().effectiveInput(run.input(), scope);
        Scope effectiveScope = scope.withInput(effective);
        JsonNode items = itemsPath.read(effectiveScope.rootFor(itemsPath)).orElseThrow(() ->
                new RuntimeFailure("Invalid path '" + itemsPath.text() + "' : No results for path: "
                        + itemsPath.bracketNotation() + " (ItemsPath)"));
        if (!items.isArray()) {
            throw new RuntimeFailure("Item selector '" + itemsPath.text() + "' must select an array, but selected "
                    + Json.typeOf(items));
        }
        int concurrency = resolveMaxConcurrency(effectiveScope);
        ArrayNode inputs = Json.NODES.arrayNode();
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            inputs.add(itemSelector == null ? item : itemSelector.apply(new Scope(effective,
                    ContextObject.withMapItem(scope.context(), index, item), scope.random())));
        }
        run.record("MapStateStarted", Json.object().put("length", items.size()));
        return new Outcome.Fork(inputs, concurrency);
    }

    private int resolveMaxConcurrency(Scope scope) {
        if (maxConcurrencyPath == null) {
            return maxConcurrency;
        }
        JsonNode value = maxConcurrencyPath.read(scope.rootFor(maxConcurrencyPath)).orElseThrow(() ->
                new RuntimeFailure("Invalid path '" + maxConcurrencyPath.text() + "' : No results for path: "
                        + maxConcurrencyPath.bracketNotation() + " (MaxConcurrencyPath)"));
        if (!value.isIntegralNumber() || value.longValue() < 0 || value.longValue() > Integer.MAX_VALUE) {
            throw new RuntimeFailure("The MaxConcurrencyPath field refers to value \"" + Json.write(value)
                    + "\" which is not a valid integer");
        }
        return value.intValue();
    }

    @Override
    public StateGraph childGraph(int index) {
        return processor;
    }

    @Override
    public void childStarted(StateRun run, int index) {
        run.record("MapIterationStarted", iteration(index));
    }

    @Override
    public void childSucceeded(StateRun run, int index) {
        run.record("MapIterationSucceeded", iteration(index));
    }

    @Override
    public void childFailed(StateRun run, int index) {
        run.record("MapIterationFailed", iteration(index));
    }

    @Override
    public void childAborted(StateRun run, int index) {
        run.record("MapIterationAborted", iteration(index));
    }

    @Override
    public Outcome joined(StateRun run, ArrayNode outputs) {
        run.record("MapStateSucceeded", Json.object());
        return new Outcome.Proceed(io().output(run.input(), outputs, run.scope()));
    }

    @Override
    public void failed(StateRun run, StatesError error) {
        run.record("MapStateFailed", Json.object());
    }

    private ObjectNode iteration(int index) {
        // Two of these per item, kept until the execution ends: built read-only, no copy made when recorded.
        return FrozenJson.object(ITERATION_KEYS, Json.NODES.textNode(name()), Json.NODES.numberNode(index));
    }
}

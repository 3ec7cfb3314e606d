package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.errors.ExceedToleratedFailureThreshold;
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
import io.autoremediate.engine.internal.context.ContextObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * Map (spec "Map State"): runs the ItemProcessor on each element of the array at ItemsPath, each element first
 * shaped by ItemSelector (which sees {@code $$.Map.Item.Index} and {@code .Value}); the result is the array of
 * iteration outputs in item order. At most MaxConcurrency (or MaxConcurrencyPath) iterations run at once, 0
 * meaning no limit; the interpreter advances them step by step.
 *
 * <p>INLINE mode (the default) fails on the first failed iteration, with that iteration's error. DISTRIBUTED
 * mode runs the items the same way, in process, but fails only when failed iterations exceed its
 * {@link FailureTolerance}, then with {@code States.ExceedToleratedFailureThreshold}; a tolerated failure leaves a
 * {@link #failedIterationRecord record} in its place in the output. Its fields that need Amazon S3 (ItemReader,
 * ResultWriter) or batch items (ItemBatcher) are refused.
 */
public final class MapState extends ForkingState {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "Next", "End", "InputPath", "OutputPath",
            "ItemsPath", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency",
            "MaxConcurrencyPath", "ResultSelector", "ResultPath", "Retry", "Catch",
            // Distributed mode only; parse() refuses them in INLINE mode.
            "Label", "ItemReader", "ItemBatcher", "ResultWriter", FailureTolerance.COUNT, FailureTolerance.COUNT_PATH,
            FailureTolerance.PERCENTAGE, FailureTolerance.PERCENTAGE_PATH);

    /**
     * The fields the Step Functions Developer Guide lists for Distributed Map only ("Distributed Map state
     * fields", https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html); the Inline Map
     * field list (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html) has none of them.
     */
    private static final List<String> DISTRIBUTED_ONLY_FIELDS = List.of("Label", "ItemReader", "ItemBatcher",
            "ResultWriter", FailureTolerance.COUNT, FailureTolerance.COUNT_PATH, FailureTolerance.PERCENTAGE,
            FailureTolerance.PERCENTAGE_PATH);

    /** Distributed Map fields this engine cannot honour locally, with why. */
    private static final Map<String, String> UNSUPPORTED_DISTRIBUTED_FIELDS = Map.of(
            "ItemReader", "it reads the items from Amazon S3; give them in the state input at ItemsPath instead",
            "ResultWriter", "it writes the results to Amazon S3",
            "ItemBatcher", "batching items into child executions is not implemented");

    private static final String[] ITERATION_KEYS = {"name", "index"};

    private final JsonPath itemsPath;
    private final PayloadTemplate itemSelector;
    private final StateGraph processor;
    private final int maxConcurrency;
    private final JsonPath maxConcurrencyPath;
    private final ErrorHandling errorHandling;
    private final boolean distributed;
    private final FailureTolerance tolerance;

    MapState(String name, Transition transition, InputOutput io, JsonPath itemsPath, PayloadTemplate itemSelector,
             StateGraph processor, int maxConcurrency, JsonPath maxConcurrencyPath, ErrorHandling errorHandling,
             boolean distributed, FailureTolerance tolerance) {
        super(name, transition, io);
        this.itemsPath = itemsPath;
        this.itemSelector = itemSelector;
        this.processor = processor;
        this.maxConcurrency = maxConcurrency;
        this.maxConcurrencyPath = maxConcurrencyPath;
        this.errorHandling = errorHandling;
        this.distributed = distributed;
        this.tolerance = tolerance;
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
        boolean distributed = processorJson != null && isDistributed(processorJson, processorField, r);
        checkModeFields(r, distributed);
        FailureTolerance tolerance = distributed ? FailureTolerance.parse(r) : FailureTolerance.NONE;
        r.string("Label");
        Optional<StateGraph> processor = processorJson == null ? Optional.empty()
                : DefinitionParser.parseGraph(processorJson, r.problems().within(processorField),
                        Set.of("ProcessorConfig"));
        Optional<PayloadTemplate> selector = r.has("ItemSelector") ? r.template("ItemSelector")
                : r.template("Parameters");
        return new MapState(name, transition, r.inputOutput(false, true, true),
                r.path("ItemsPath", true).orElse(InputOutput.ROOT), selector.orElse(null),
                processor.orElse(null), maxConcurrency, maxConcurrencyPath, ErrorHandlingParser.parse(r),
                distributed, tolerance);
    }

    /**
     * Reads ItemProcessor.ProcessorConfig: Mode INLINE (the default) or DISTRIBUTED, and ExecutionType. The
     * ExecutionType is checked, not honoured: the items run here the same way either way.
     */
    private static boolean isDistributed(JsonNode processorJson, String processorField, FieldReader r) {
        JsonNode config = processorJson.get("ProcessorConfig");
        if (config == null) {
            return false;
        }
        String where = "'" + processorField + ".ProcessorConfig'";
        if (!config.isObject()) {
            r.problem(where + " must be an object, but was " + Json.write(config));
            return false;
        }
        FieldReader configReader = new FieldReader(config, r.problems().within(where));
        configReader.allowOnly(Set.of("Mode", "ExecutionType"), "a ProcessorConfig");
        String mode = configReader.string("Mode").orElse("INLINE");
        if (!mode.equals("INLINE") && !mode.equals("DISTRIBUTED")) {
            configReader.problem("'Mode' must be INLINE or DISTRIBUTED, but was '" + mode + "'");
            return false;
        }
        Optional<String> executionType = configReader.string("ExecutionType");
        if (mode.equals("DISTRIBUTED") && !config.has("ExecutionType")) {
            // How the child executions run; Step Functions requires it in this mode (aws-cdk ProcessorConfig:
            // "you must provide this field if you specified DISTRIBUTED for the mode sub-field").
            configReader.problem("'ExecutionType' (STANDARD or EXPRESS) is required when 'Mode' is DISTRIBUTED");
        } else if (executionType.isPresent() && mode.equals("INLINE")) {
            configReader.problem("'ExecutionType' is allowed only when 'Mode' is DISTRIBUTED");
        } else if (executionType.isPresent() && !Set.of("STANDARD", "EXPRESS").contains(executionType.get())) {
            configReader.problem("'ExecutionType' must be STANDARD or EXPRESS, but was '" + executionType.get() + "'");
        }
        return mode.equals("DISTRIBUTED");
    }

    private static void checkModeFields(FieldReader r, boolean distributed) {
        for (String field : DISTRIBUTED_ONLY_FIELDS) {
            if (!r.has(field)) {
                continue;
            }
            if (!distributed) {
                r.problem("'" + field + "' is allowed only in a Distributed Map (ItemProcessor.ProcessorConfig.Mode "
                        + "DISTRIBUTED); this Map runs INLINE");
            } else if (UNSUPPORTED_DISTRIBUTED_FIELDS.containsKey(field)) {
                r.problem("'" + field + "' is not supported by this engine: "
                        + UNSUPPORTED_DISTRIBUTED_FIELDS.get(field));
            }
        }
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
        // Resolved now so that a bad ToleratedFailure*Path fails the Map before any iteration runs.
        tolerance.resolve(effectiveScope);
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

    /** INLINE: the iteration's error fails the Map. DISTRIBUTED: failures up to the threshold are tolerated. */
    @Override
    public ChildFailure judgeFailure(StateRun run, int index, StatesError error, int failed, int total) {
        if (!distributed) {
            return super.judgeFailure(run, index, error, failed, total);
        }
        Scope scope = run.scope();
        FailureThreshold threshold = tolerance.resolve(scope.withInput(io().effectiveInput(run.input(), scope)));
        if (threshold.exceededBy(failed, total)) {
            return new ChildFailure.Fatal(new ExceedToleratedFailureThreshold("Map '" + name() + "': "
                    + threshold.describeExcess(failed, total)));
        }
        return new ChildFailure.Tolerated(failedIterationRecord(error));
    }

    /**
     * What stands in the output for a tolerated failed iteration. Without a ResultWriter a Distributed Map
     * returns its child executions' outputs, but a failed child's execution result unchanged, as with
     * Transformation NONE: its status, error and cause ("ResultWriter (Map)", WriterConfig Transformation,
     * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html). The child's ARN,
     * name, input and dates are left out: the iterations here are not executions of their own.
     */
    static ObjectNode failedIterationRecord(StatesError error) {
        ObjectNode record = Json.object();
        record.put("Status", "FAILED");
        record.put("Error", error.errorName());
        record.put("Cause", error.errorCause());
        return record;
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

package io.autoremediate.engine.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.ResultPaths;
import io.autoremediate.engine.internal.json.Scope;

/**
 * A state's input and output processing (States Language spec, "Input and Output Processing"):
 * InputPath then Parameters make the effective input; ResultSelector, ResultPath then OutputPath make the
 * output. A {@code null} path means the field was JSON {@code null}; a state without a field gets the default.
 *
 * @param inputPath      selects the effective input; {@code null} means {@code {}}
 * @param parameters     builds the effective input; {@code null} when absent
 * @param resultSelector builds the result; {@code null} when absent
 * @param resultPath     where the result goes in the raw input; {@code null} discards the result
 * @param outputPath     selects the output; {@code null} means {@code {}}
 */
public record InputOutput(JsonPath inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                          JsonPath resultPath, JsonPath outputPath) {

    public static final JsonPath ROOT = JsonPath.parse("$");

    /** The processing of a state that has none of the fields: input passes through unchanged. */
    public static final InputOutput DEFAULT = new InputOutput(ROOT, null, null, ROOT, ROOT);

    /** InputPath, then Parameters. */
    public JsonNode effectiveInput(JsonNode rawInput, Scope scope) {
        JsonNode selected = select(inputPath, rawInput, "InputPath");
        return parameters == null ? selected : parameters.apply(scope.withInput(selected));
    }

    /** ResultSelector, ResultPath, then OutputPath. */
    public JsonNode output(JsonNode rawInput, JsonNode result, Scope scope) {
        JsonNode selected = resultSelector == null ? result : resultSelector.apply(scope.withInput(result));
        return select(outputPath, ResultPaths.apply(resultPath, rawInput, selected), "OutputPath");
    }

    /** Applies a path that selects a node (InputPath, OutputPath, ItemsPath): {@code null} gives {@code {}}. */
    public static JsonNode select(JsonPath path, JsonNode document, String field) {
        if (path == null) {
            return Json.object();
        }
        return path.read(document).orElseThrow(() -> new RuntimeFailure("Invalid path '" + path.text()
                + "' : No results for path: " + path.bracketNotation() + " (" + field + ")"));
    }
}

package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.errors.ResultPathMatchFailure;
import java.util.List;

/**
 * Applies a ResultPath (States Language spec, "ResultPath"): {@code $} replaces the input with the result,
 * {@code null} discards the result, any other reference path writes the result into a copy of the input,
 * creating the objects on the way.
 */
public final class ResultPaths {
    private ResultPaths() {
    }

    /**
     * @param resultPath the parsed ResultPath, or {@code null} for a JSON {@code null} ResultPath
     */
    public static JsonNode apply(JsonPath resultPath, JsonNode input, JsonNode result) {
        if (resultPath == null) {
            return input;
        }
        List<PathSegment> segments = resultPath.segments();
        if (segments.isEmpty()) {
            return result;
        }
        if (!input.isContainerNode()) {
            throw mismatch(resultPath, input);
        }
        JsonNode copy = input.deepCopy();
        JsonNode node = copy;
        for (int i = 0; i < segments.size(); i++) {
            PathSegment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment instanceof PathSegment.Field field && node instanceof ObjectNode object) {
                if (last) {
                    object.set(field.name(), result);
                } else {
                    JsonNode child = object.get(field.name());
                    if (child == null || child.isNull()) {
                        child = object.putObject(field.name());
                    } else if (!child.isContainerNode()) {
                        throw mismatch(resultPath, input);
                    }
                    node = child;
                }
            } else if (segment instanceof PathSegment.Index index && node instanceof ArrayNode array
                    && index.index() >= 0 && index.index() < array.size()) {
                if (last) {
                    array.set(index.index(), result);
                } else {
                    node = array.get(index.index());
                    if (!node.isContainerNode()) {
                        throw mismatch(resultPath, input);
                    }
                }
            } else {
                throw mismatch(resultPath, input);
            }
        }
        return copy;
    }

    private static ResultPathMatchFailure mismatch(JsonPath resultPath, JsonNode input) {
        return new ResultPathMatchFailure("Unable to apply ResultPath '" + resultPath.text()
                + "' to input '" + Json.write(input) + "'");
    }
}

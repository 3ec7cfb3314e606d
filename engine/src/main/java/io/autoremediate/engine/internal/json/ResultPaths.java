package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.errors.ResultPathMatchFailure;
import java.util.List;

/**
 * Applies a ResultPath (States Language spec, "ResultPath"): {@code $} replaces the input with the result,
 * {@code null} discards the result, any other reference path writes the result into a copy of the input,
 * creating the objects on the way. Only the containers on the path are copied; the rest of the input is shared
 * with the output (values are not mutated once built, see {@link Json}).
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
        return new Writer(resultPath, input, result).into(input, 0);
    }

    /** Writes one result along one path, remembering the whole input for the error message. */
    private record Writer(JsonPath resultPath, JsonNode input, JsonNode result) {

        /** A copy of {@code container} with the result written at the path's segments from {@code at} on. */
        JsonNode into(JsonNode container, int at) {
            List<PathSegment> segments = resultPath.segments();
            PathSegment segment = segments.get(at);
            boolean last = at == segments.size() - 1;
            if (segment instanceof PathSegment.Field field && container instanceof ObjectNode object) {
                JsonNode value = result;
                if (!last) {
                    JsonNode child = object.get(field.name());
                    if (child == null || child.isNull()) {
                        child = Json.object();
                    } else if (!child.isContainerNode()) {
                        throw mismatch(resultPath, input);
                    }
                    value = into(child, at + 1);
                }
                ObjectNode copy = Json.object();
                copy.setAll(object);
                copy.set(field.name(), value);
                return copy;
            }
            if (segment instanceof PathSegment.Index index && container instanceof ArrayNode array
                    && index.index() >= 0 && index.index() < array.size()) {
                JsonNode value = result;
                if (!last) {
                    JsonNode child = array.get(index.index());
                    if (!child.isContainerNode()) {
                        throw mismatch(resultPath, input);
                    }
                    value = into(child, at + 1);
                }
                ArrayNode copy = Json.NODES.arrayNode(array.size());
                copy.addAll(array);
                copy.set(index.index(), value);
                return copy;
            }
            throw mismatch(resultPath, input);
        }
    }

    private static ResultPathMatchFailure mismatch(JsonPath resultPath, JsonNode input) {
        return new ResultPathMatchFailure("Unable to apply ResultPath '" + resultPath.text()
                + "' to input '" + Json.write(input) + "'");
    }
}

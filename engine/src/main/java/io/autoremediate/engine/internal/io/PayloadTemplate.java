package io.autoremediate.engine.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.intrinsics.IntrinsicExpression;
import io.autoremediate.engine.internal.intrinsics.IntrinsicParser;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template: Parameters, ResultSelector or ItemSelector (States Language spec, "Payload
 * Template"). A key ending in {@code .$} takes its value from a path ({@code $...} on the input, {@code $$...}
 * on the context object) or an intrinsic function call, and loses the suffix.
 */
public final class PayloadTemplate {
    private final TemplateNode root;

    private PayloadTemplate(TemplateNode root) {
        this.root = root;
    }

    /** Compiles a template; throws {@link IllegalArgumentException} naming the bad key. */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(compileNode(template));
    }

    /** Builds the payload from the scope's input and context object. */
    public JsonNode apply(Scope scope) {
        return root.render(scope);
    }

    private sealed interface TemplateNode {
        JsonNode render(Scope scope);
    }

    private record Constant(JsonNode value) implements TemplateNode {
        @Override
        public JsonNode render(Scope scope) {
            return value.deepCopy();
        }
    }

    private record PathValue(String key, JsonPath path) implements TemplateNode {
        @Override
        public JsonNode render(Scope scope) {
            JsonNode root = scope.rootFor(path);
            return path.read(root).orElseThrow(() -> new RuntimeFailure("The JSONPath '" + path.text()
                    + "' specified for the field '" + key + "' could not be found in the "
                    + (path.isContextPath() ? "context object '" : "input '") + Json.write(root) + "'"));
        }
    }

    private record IntrinsicValue(IntrinsicExpression.Call call) implements TemplateNode {
        @Override
        public JsonNode render(Scope scope) {
            return call.evaluate(scope);
        }
    }

    private record ObjectTemplate(List<Map.Entry<String, TemplateNode>> fields) implements TemplateNode {
        @Override
        public JsonNode render(Scope scope) {
            ObjectNode out = Json.object(fields.size());
            for (Map.Entry<String, TemplateNode> field : fields) {
                out.set(field.getKey(), field.getValue().render(scope));
            }
            return out;
        }
    }

    private record ArrayTemplate(List<TemplateNode> elements) implements TemplateNode {
        @Override
        public JsonNode render(Scope scope) {
            ArrayNode out = Json.NODES.arrayNode();
            elements.forEach(e -> out.add(e.render(scope)));
            return out;
        }
    }

    private static TemplateNode compileNode(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, TemplateNode>> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    fields.add(Map.entry(key.substring(0, key.length() - 2), compileDynamic(key, field.getValue())));
                } else {
                    fields.add(Map.entry(key, compileNode(field.getValue())));
                }
            }
            return new ObjectTemplate(fields);
        }
        if (node.isArray()) {
            List<TemplateNode> elements = new ArrayList<>();
            node.forEach(e -> elements.add(compileNode(e)));
            return new ArrayTemplate(elements);
        }
        return new Constant(node);
    }

    private static TemplateNode compileDynamic(String key, JsonNode value) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("the value of '" + key
                    + "' must be a path or an intrinsic function call, but was " + Json.write(value));
        }
        String text = value.textValue();
        if (IntrinsicParser.looksLikeCall(text)) {
            try {
                return new IntrinsicValue(IntrinsicParser.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + key + "' has an invalid intrinsic function call: "
                        + e.getMessage());
            }
        }
        try {
            return new PathValue(key, JsonPath.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the value of '" + key + "' is not a valid path or intrinsic "
                    + "function call: '" + text + "' (" + e.getMessage() + ")");
        }
    }
}

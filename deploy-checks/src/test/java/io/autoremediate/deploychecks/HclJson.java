package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.deploychecks.hcl.HclExpression;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * What Terraform's {@code jsonencode} makes of literal HCL (event patterns), and the recorded events the
 * patterns are matched against ({@code fixtures/NAME.json} beside these tests).
 */
final class HclJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HclJson() {
    }

    /** Literal HCL to JSON; a reference (a bare name or an attribute path) is looked up in {@code bindings}. */
    static JsonNode of(HclExpression expression, Map<String, Object> bindings) {
        if (expression instanceof HclExpression.Literal literal) {
            return literal.value() == null ? NullNode.getInstance() : JSON.valueToTree(literal.value());
        }
        if (expression instanceof HclExpression.Tuple tuple) {
            ArrayNode array = NODES.arrayNode();
            tuple.elements().forEach(element -> array.add(of(element, bindings)));
            return array;
        }
        if (expression instanceof HclExpression.ObjectValue object) {
            ObjectNode node = NODES.objectNode();
            object.items().forEach((key, value) -> node.set(key, of(value, bindings)));
            return node;
        }
        if (bindings.containsKey(expression.source())) {
            return JSON.valueToTree(bindings.get(expression.source()));
        }
        throw new AssertionError("cannot evaluate '" + expression.source() + "' here");
    }

    /** A recorded EventBridge event from {@code fixtures/NAME.json}. */
    static JsonNode recordedEvent(String name) throws IOException {
        try (InputStream in = HclJson.class.getResourceAsStream("fixtures/" + name + ".json")) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return JSON.readTree(in);
        }
    }
}

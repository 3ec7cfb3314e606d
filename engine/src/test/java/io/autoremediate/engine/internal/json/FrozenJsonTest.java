package io.autoremediate.engine.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FrozenJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode object(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }

    @Test
    void aFrozenCopyEqualsTheOriginalAndKeepsItsOrder() throws Exception {
        ObjectNode original = object("{\"z\":1,\"a\":{\"y\":[1,{\"b\":null}],\"x\":\"t\"},\"m\":true}");

        ObjectNode frozen = FrozenJson.freeze(original);

        assertThat(frozen).isEqualTo(original);
        assertThat(original).isEqualTo(frozen);
        assertThat(frozen.hashCode()).isEqualTo(original.hashCode());
        assertThat(Json.write(frozen)).isEqualTo(JSON.writeValueAsString(original));
        assertThat(frozen.get("a").get("x").asText()).isEqualTo("t");
        assertThat(frozen.has("missing")).isFalse();
    }

    @Test
    void aFrozenObjectAndWhatItHoldsRefuseEveryChange() throws Exception {
        ObjectNode frozen = FrozenJson.freeze(object("{\"a\":{\"b\":1},\"list\":[1,2]}"));

        assertThatThrownBy(() -> frozen.put("c", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(frozen::removeAll).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ObjectNode) frozen.get("a")).put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((ArrayNode) frozen.get("list")).add(3))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(frozen).isEqualTo(object("{\"a\":{\"b\":1},\"list\":[1,2]}"));
    }

    @Test
    void aDeepCopyIsAnOrdinaryObjectThatMayChange() throws Exception {
        ObjectNode frozen = FrozenJson.freeze(object("{\"a\":{\"b\":1}}"));

        ObjectNode copy = frozen.deepCopy();
        ((ObjectNode) copy.get("a")).put("b", 2);
        copy.put("c", 3);

        assertThat(copy).isEqualTo(object("{\"a\":{\"b\":2},\"c\":3}"));
        assertThat(frozen).isEqualTo(object("{\"a\":{\"b\":1}}"));
        assertThat(FrozenJson.isFrozen(copy)).isFalse();
    }

    @Test
    void freezingTwiceGivesTheSameObjectAndChangingTheOriginalLeavesTheCopy() throws Exception {
        ObjectNode original = object("{\"a\":1}");
        ObjectNode frozen = FrozenJson.freeze(original);

        original.put("a", 2);

        assertThat(FrozenJson.freeze(frozen)).isSameAs(frozen);
        assertThat(frozen.get("a")).isEqualTo(JSON.readTree("1"));
    }

    @Test
    void builtFromSharedKeys() {
        String[] keys = {"name", "index"};
        JsonNode first = FrozenJson.object(keys, Json.NODES.textNode("A"), Json.NODES.numberNode(0));
        JsonNode second = FrozenJson.object(keys, Json.NODES.textNode("A"), Json.NODES.numberNode(1));

        assertThat(Json.write(first)).isEqualTo("{\"name\":\"A\",\"index\":0}");
        assertThat(Json.write(second)).isEqualTo("{\"name\":\"A\",\"index\":1}");
        assertThatThrownBy(() -> FrozenJson.object(keys, Json.NODES.textNode("A")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

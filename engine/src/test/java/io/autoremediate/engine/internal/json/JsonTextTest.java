package io.autoremediate.engine.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Json.write writes trees itself; its text must be the ObjectMapper's, character for character. */
class JsonTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static void assertSameTextAsTheMapper(JsonNode node) throws Exception {
        assertThat(Json.write(node)).isEqualTo(MAPPER.writeValueAsString(node));
    }

    @Test
    void everyCharacterIsEscapedAsTheMapperEscapesIt() throws Exception {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertSameTextAsTheMapper(NODES.textNode("a" + c + "b"));
        }
    }

    @Test
    void keysAreEscapedToo() throws Exception {
        ObjectNode object = NODES.objectNode();
        object.put("quote\"back\\slash\nline\u0001", 1);
        object.put("é✓", "\u2028");
        assertSameTextAsTheMapper(object);
    }

    @Test
    void numbersOfEveryKind() throws Exception {
        ArrayNode numbers = NODES.arrayNode();
        numbers.add(0).add(-7).add(Integer.MAX_VALUE).add(Long.MIN_VALUE).add((short) 3)
                .add(new BigInteger("123456789012345678901234567890"))
                .add(new BigDecimal("1.10")).add(new BigDecimal("1E+3")).add(new BigDecimal("-0.000001"))
                .add(0.1).add(-0.0).add(1e20).add(1.0E-5).add(123456789.125).add(Double.MIN_VALUE)
                .add(0.5f).add(3.4e38f);
        assertSameTextAsTheMapper(numbers);
    }

    @Test
    void nestedContainersLiteralsAndEmptyOnes() throws Exception {
        assertSameTextAsTheMapper(MAPPER.readTree(
                "{\"a\":[1,{\"b\":null,\"c\":true,\"d\":false},[],{}],\"e\":{\"f\":\"g\"},\"\":[[[]]]}"));
    }

    @Test
    void whatItDoesNotWriteItselfGoesThroughTheMapper() throws Exception {
        ArrayNode odd = NODES.arrayNode();
        odd.add(Double.NaN).add(Float.POSITIVE_INFINITY).add(NODES.binaryNode(new byte[] {1, 2, 3}))
                .addPOJO(java.util.List.of("x"));
        assertSameTextAsTheMapper(odd);
    }
}

package io.autoremediate.functions.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.TestJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private static final String EVERY_KIND = "{\"text\":\"café \\\"quoted\\\" \\u0001 line\\nbreak 😀\","
            + "\"int\":42,\"negative\":-7,\"long\":12345678901,\"big\":123456789012345678901234567890,"
            + "\"double\":2.5,\"exponent\":1.7E9,\"true\":true,\"false\":false,\"null\":null,"
            + "\"array\":[1,\"two\",[3],{\"four\":4}],\"empty\":{},\"emptyArray\":[]}";

    @Test
    void readsAndWritesEveryKindOfValueAsJacksonsOwnMapperDoes() throws Exception {
        JsonNode ours = JsonTrees.read(EVERY_KIND);

        assertThat(ours).isEqualTo(TestJson.MAPPER.readTree(EVERY_KIND));
        assertThat(JsonTrees.write(ours)).isEqualTo(TestJson.MAPPER.writeValueAsString(ours));
        assertThat(JsonTrees.read(JsonTrees.write(ours))).isEqualTo(ours);
    }

    @Test
    void readsAStreamAsUtf8() throws Exception {
        JsonNode node = JsonTrees.read(new ByteArrayInputStream("{\"a\": \"é😀\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(node.get("a").textValue()).isEqualTo("é😀");
    }

    @Test
    void anEmptyInputIsNoDocumentAndTextAfterTheDocumentIsRefused() throws Exception {
        assertThat(JsonTrees.read("   ")).isNull();
        assertThat(JsonTrees.read(new ByteArrayInputStream(new byte[0]))).isNull();
        assertThatThrownBy(() -> JsonTrees.read("{\"a\": 1} {\"b\": 2}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("unexpected content after the JSON document");
        assertThatThrownBy(() -> JsonTrees.read("{\"a\": 1"))
                .isInstanceOf(JsonProcessingException.class);
    }
}

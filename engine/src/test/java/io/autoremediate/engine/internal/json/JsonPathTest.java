package io.autoremediate.engine.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode DOC = json("""
            {"store":{"book":[
               {"title":"A","price":8,"tags":["x"]},
               {"title":"B","price":12,"isbn":"1"},
               {"title":"C","price":30,"isbn":"2"}],
             "name with space":"s","owner":{"title":"O"}},
             "n":null}""");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String read(String path) {
        return JsonPath.parse(path).read(DOC).map(Json::write).orElse("<none>");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
            "$ -> <root>",
            "$.store.book[0].title -> \"A\"",
            "$['store']['book'][1]['title'] -> \"B\"",
            "$[\"store\"].owner.title -> \"O\"",
            "$.store.book[-1].title -> \"C\"",
            "$.store['name with space'] -> \"s\"",
            "$.n -> null",
            "$.store.book[*].title -> [\"A\",\"B\",\"C\"]",
            "$.store.book[0:2].price -> [8,12]",
            "$.store.book[1:].price -> [12,30]",
            "$.store.book[0,2].title -> [\"A\",\"C\"]",
            "$..title -> [\"A\",\"B\",\"C\",\"O\"]",
            "$.store.book[?(@.price < 10)].title -> [\"A\"]",
            "$.store.book[?(@.isbn)].title -> [\"B\",\"C\"]",
            "$.store.book[?(@.price >= 12 && @.title != 'C')].title -> [\"B\"]",
            "$.store.book[?(@.title == 'A' || @.price > 20)].title -> [\"A\",\"C\"]",
            "$.store.book.length() -> 3",
            "$.store.missing -> <none>",
            "$.store.book[7] -> <none>",
            "$.store.missing[*] -> []",
    })
    void readsWhatThePathSelects(String path, String expected) {
        assertThat(read(path)).isEqualTo(expected.equals("<root>") ? Json.write(DOC) : expected);
    }

    @Test
    void referencePathsAreFieldsAndIndicesOnly() {
        assertThat(JsonPath.parse("$.a['b'][0]").isReferencePath()).isTrue();
        assertThat(JsonPath.parse("$").isReferencePath()).isTrue();
        assertThat(JsonPath.parse("$.a[*]").isReferencePath()).isFalse();
        assertThat(JsonPath.parse("$..a").isReferencePath()).isFalse();
        assertThat(JsonPath.parse("$.a[0:1]").isReferencePath()).isFalse();
        assertThat(JsonPath.parse("$.a[?(@.b)]").isReferencePath()).isFalse();
    }

    @Test
    void doubleDollarAddressesTheContextObject() {
        JsonPath path = JsonPath.parse("$$.Execution.Id");

        assertThat(path.isContextPath()).isTrue();
        assertThat(path.read(json("{\"Execution\":{\"Id\":\"arn\"}}"))).contains(json("\"arn\""));
    }

    @Test
    void bracketNotationIsWhatErrorMessagesShow() {
        assertThat(JsonPath.parse("$.a.b[2]").bracketNotation()).isEqualTo("$['a']['b'][2]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"a.b", "$.", "$[", "$.a[x]", "$['a'", "$.a]"})
    void malformedPathsAreRejectedWithAReason(String text) {
        assertThatThrownBy(() -> JsonPath.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching(".+");
    }

    @Test
    void readOfAMissingReferencePathIsEmpty() {
        assertThat(JsonPath.parse("$.x.y").read(json("{\"x\":1}"))).isEqualTo(Optional.empty());
    }
}

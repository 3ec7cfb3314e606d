package io.autoremediate.engine.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.internal.errors.ResultPathMatchFailure;
import org.junit.jupiter.api.Test;

class ResultPathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    // States Language spec, "ResultPath" examples: raw input {"master":{"detail":[1,2,3]}}, result 6.
    @Test
    void specExampleReplacesTheNodeAtTheReferencePath() throws Exception {
        JsonNode out = ResultPaths.apply(JsonPath.parse("$.master.detail"),
                json("{\"master\":{\"detail\":[1,2,3]}}"), json("6"));

        assertThat(out).isEqualTo(json("{\"master\":{\"detail\":6}}"));
    }

    @Test
    void specExampleCreatesMissingObjectsOnTheWay() throws Exception {
        JsonNode out = ResultPaths.apply(JsonPath.parse("$.master.result.sum"),
                json("{\"master\":{\"detail\":[1,2,3]}}"), json("6"));

        assertThat(out).isEqualTo(json("{\"master\":{\"detail\":[1,2,3],\"result\":{\"sum\":6}}}"));
    }

    @Test
    void dollarReplacesTheWholeInput() throws Exception {
        assertThat(ResultPaths.apply(JsonPath.parse("$"), json("{\"a\":1}"), json("[1]"))).isEqualTo(json("[1]"));
    }

    @Test
    void nullDiscardsTheResult() throws Exception {
        assertThat(ResultPaths.apply(null, json("{\"a\":1}"), json("[1]"))).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void theRawInputIsNotModified() throws Exception {
        JsonNode input = json("{\"a\":{}}");

        ResultPaths.apply(JsonPath.parse("$.a.b"), input, json("1"));

        assertThat(input).isEqualTo(json("{\"a\":{}}"));
    }

    @Test
    void writingIntoAScalarFailsWithResultPathMatchFailure() throws Exception {
        assertThatThrownBy(() -> ResultPaths.apply(JsonPath.parse("$.a.b"), json("{\"a\":\"text\"}"), json("1")))
                .isInstanceOf(ResultPathMatchFailure.class)
                .hasMessageContaining("States.ResultPathMatchFailure")
                .hasMessageContaining("Unable to apply ResultPath '$.a.b'");
        assertThatThrownBy(() -> ResultPaths.apply(JsonPath.parse("$.a"), json("\"text\""), json("1")))
                .isInstanceOf(ResultPathMatchFailure.class);
    }

    @Test
    void anExistingArrayElementCanBeReplaced() throws Exception {
        assertThat(ResultPaths.apply(JsonPath.parse("$.a[1]"), json("{\"a\":[0,0]}"), json("9")))
                .isEqualTo(json("{\"a\":[0,9]}"));
    }
}

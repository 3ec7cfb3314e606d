package io.autoremediate.engine.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.json.JsonPath;
import io.autoremediate.engine.internal.json.Scope;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTEXT = json("{\"DayOfWeek\":\"TUESDAY\",\"Execution\":{\"Name\":\"e1\"}}");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Scope scope(JsonNode input) {
        return new Scope(input, CONTEXT, new Random(1));
    }

    // States Language spec, "Parameters" example.
    @Test
    void specParametersExampleBuildsTheEffectiveInput() {
        PayloadTemplate parameters = PayloadTemplate.compile(json("""
                {"flagged":true,"parts":{"first.$":"$.vals[0]","last3.$":"$.vals[3:]"},
                 "weekday.$":"$$.DayOfWeek","formattedOutput.$":"States.Format('Today is {}', $$.DayOfWeek)"}"""));
        JsonNode input = json("{\"flagged\":7,\"vals\":[0,10,20,30,40,50]}");

        JsonNode effective = new InputOutput(InputOutput.ROOT, parameters, null, InputOutput.ROOT, InputOutput.ROOT)
                .effectiveInput(input, scope(input));

        assertThat(effective).isEqualTo(json("""
                {"flagged":true,"parts":{"first":0,"last3":[30,40,50]},"weekday":"TUESDAY",
                 "formattedOutput":"Today is TUESDAY"}"""));
    }

    @Test
    void parametersAreAppliedToWhatInputPathSelected() {
        InputOutput io = new InputOutput(JsonPath.parse("$.alarm"),
                PayloadTemplate.compile(json("{\"name.$\":\"$.name\",\"list\":[{\"n.$\":\"$.name\"},2]}")),
                null, InputOutput.ROOT, InputOutput.ROOT);
        JsonNode input = json("{\"alarm\":{\"name\":\"cpu\"}}");

        assertThat(io.effectiveInput(input, scope(input)))
                .isEqualTo(json("{\"name\":\"cpu\",\"list\":[{\"n\":\"cpu\"},2]}"));
    }

    @Test
    void nullInputPathAndOutputPathGiveAnEmptyObject() {
        InputOutput io = new InputOutput(null, null, null, InputOutput.ROOT, null);
        JsonNode input = json("{\"a\":1}");

        assertThat(io.effectiveInput(input, scope(input))).isEqualTo(json("{}"));
        assertThat(io.output(input, json("5"), scope(input))).isEqualTo(json("{}"));
    }

    // AWS "ResultSelector" example: keep parts of a task result, then place them with ResultPath.
    @Test
    void resultSelectorThenResultPathThenOutputPath() {
        InputOutput io = new InputOutput(InputOutput.ROOT, null,
                PayloadTemplate.compile(json("{\"ClusterId.$\":\"$.output.ClusterId\",\"ResourceType.$\":\"$.resourceType\"}")),
                JsonPath.parse("$.EMROutput"), JsonPath.parse("$.EMROutput"));
        JsonNode input = json("{\"keep\":1}");
        JsonNode result = json("{\"resourceType\":\"elasticmapreduce\",\"output\":{\"ClusterId\":\"AKIA\",\"Other\":2}}");

        assertThat(io.output(input, result, scope(input)))
                .isEqualTo(json("{\"ClusterId\":\"AKIA\",\"ResourceType\":\"elasticmapreduce\"}"));
    }

    @Test
    void aParameterPathThatMatchesNothingFailsWithStatesRuntimeNamingTheField() {
        PayloadTemplate parameters = PayloadTemplate.compile(json("{\"missing.$\":\"$.nope.deep\"}"));

        assertThatThrownBy(() -> parameters.apply(scope(json("{\"other\":1}"))))
                .isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("The JSONPath '$.nope.deep' specified for the field 'missing.$' could not be "
                        + "found in the input '{\"other\":1}'");
    }

    @Test
    void anInputPathThatMatchesNothingFailsWithStatesRuntime() {
        InputOutput io = new InputOutput(JsonPath.parse("$.gone"), null, null, InputOutput.ROOT, InputOutput.ROOT);

        assertThatThrownBy(() -> io.effectiveInput(json("{}"), scope(json("{}"))))
                .isInstanceOf(RuntimeFailure.class)
                .hasMessageContaining("Invalid path '$.gone' : No results for path: $['gone']");
    }

    @Test
    void aWildcardParameterSelectsAnArray() {
        PayloadTemplate parameters = PayloadTemplate.compile(json("{\"ids.$\":\"$.items[*].id\"}"));

        assertThat(parameters.apply(scope(json("{\"items\":[{\"id\":1},{\"id\":2}]}"))))
                .isEqualTo(json("{\"ids\":[1,2]}"));
    }

    @Test
    void aDynamicKeyWhoseValueIsNotAStringIsRejectedAtCompileTime() {
        assertThatThrownBy(() -> PayloadTemplate.compile(json("{\"x.$\":5}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value of 'x.$' must be a path or an intrinsic function call, but was 5");
    }
}

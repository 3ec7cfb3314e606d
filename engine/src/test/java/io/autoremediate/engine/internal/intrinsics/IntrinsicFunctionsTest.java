package io.autoremediate.engine.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.internal.errors.IntrinsicFailure;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.Scope;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every intrinsic function, with the examples of the Step Functions "Intrinsic functions" page. */
class IntrinsicFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode INPUT = json("""
            {"name":"cpu","n":3,"list":[1,2,2,"a",1.0],"obj":{"a":1,"b":{"c":2}},"other":{"b":3},
             "json":"{\\"k\\":[1,true]}","csv":"1,2;3,,4","flag":true,"nothing":null}""");
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Name\":\"exec-7\"}}");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode eval(String call) {
        return IntrinsicParser.parse(call).evaluate(new Scope(INPUT, CONTEXT, new Random(11)));
    }

    private static String evalJson(String call) {
        return Json.write(eval(call));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "States.Format('Hello, my name is {}.', $.name) => \"Hello, my name is cpu.\"",
            "States.Format('{} of {} in {}', $.n, $.flag, $$.Execution.Name) => \"3 of true in exec-7\"",
            "States.Format('null is {}', $.nothing) => \"null is null\"",
            "States.Format('braces \\{\\} and \\'quotes\\' and \\\\ kept') => \"braces {} and 'quotes' and \\\\ kept\"",
            "States.StringToJson($.json) => {\"k\":[1,true]}",
            "States.JsonToString($.obj) => \"{\\\"a\\\":1,\\\"b\\\":{\\\"c\\\":2}}\"",
            "States.Array('a', 1, true, null, $.obj.a) => [\"a\",1,true,null,1]",
            "States.Array() => []",
            "States.ArrayPartition(States.ArrayRange(1, 5, 1), 2) => [[1,2],[3,4],[5]]",
            "States.ArrayContains($.list, 'a') => true",
            "States.ArrayContains($.list, 9) => false",
            "States.ArrayRange(1, 9, 2) => [1,3,5,7,9]",
            "States.ArrayRange(5, 1, -2) => [5,3,1]",
            "States.ArrayGetItem($.list, 3) => \"a\"",
            "States.ArrayLength($.list) => 5",
            "States.ArrayUnique($.list) => [1,2,\"a\"]",
            "States.Base64Encode('Data to encode') => \"RGF0YSB0byBlbmNvZGU=\"",
            "States.Base64Decode('RGVjb2RlZCBkYXRh') => \"Decoded data\"",
            "States.Hash('input data', 'SHA-1') => \"aaff4a450a104cd177d28d18d74485e8cae074b7\"",
            "States.Hash('input data', 'MD5') => \"812f45842bc6d66ee14572ce20db8e86\"",
            "States.JsonMerge($.obj, $.other, false) => {\"a\":1,\"b\":3}",
            "States.MathAdd(111, -1) => 110",
            "States.MathAdd($.n, 0.5) => 3.5",
            "States.StringSplit($.csv, ',;') => [\"1\",\"2\",\"3\",\"4\"]",
            "States.StringSplit('1+2', '+') => [\"1\",\"2\"]",
            "States.JsonToString(States.StringToJson($.json)) => \"{\\\"k\\\":[1,true]}\"",
    })
    void evaluates(String call, String expected) {
        assertThat(evalJson(call)).isEqualTo(expected);
    }

    @Test
    void integersComeBackAsTheNodesParsingWouldGive() throws Exception {
        assertThat(eval("States.MathAdd(1, 2)")).isEqualTo(JSON.readTree("3"));
        assertThat(eval("States.MathAdd(2147483647, 1)")).isEqualTo(JSON.readTree("2147483648"));
        assertThat(eval("States.MathAdd(2147483648, -1)")).isEqualTo(JSON.readTree("2147483647"));
        assertThat(eval("States.MathAdd(9223372036854775807, 1)"))
                .isEqualTo(JSON.readTree("9223372036854775808"));
        assertThat(eval("States.MathAdd(-9223372036854775808, -1)"))
                .isEqualTo(JSON.readTree("-9223372036854775809"));
        assertThat(eval("States.ArrayRange(1, 2, 1)")).isEqualTo(JSON.readTree("[1,2]"));
    }

    @Test
    void formatWithoutValuesStillNeedsItsTemplateOnly() {
        assertThat(evalJson("States.Format('plain')")).isEqualTo("\"plain\"");
    }

    @Test
    void hashSupportsTheSha2Family() {
        assertThat(eval("States.Hash('abc', 'SHA-256')").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("States.Hash('abc', 'SHA-384')").asText()).hasSize(96);
        assertThat(eval("States.Hash('abc', 'SHA-512')").asText()).hasSize(128);
    }

    @Test
    void mathRandomStaysInRangeAndASeedMakesItRepeatable() {
        for (int i = 0; i < 50; i++) {
            assertThat(eval("States.MathRandom(3, 6)").asInt()).isBetween(3, 5);
        }
        assertThat(eval("States.MathRandom(1, 1000, 42)")).isEqualTo(eval("States.MathRandom(1, 1000, 42)"));
    }

    @Test
    void uuidIsAVersion4UuidFromTheRandomSource() {
        String uuid = eval("States.UUID()").asText();

        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(eval("States.UUID()").asText()).isEqualTo(uuid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "States.Format('{} and {}', 1) => Invalid arguments in States.Format: the template has more '{}' "
                    + "placeholders than the 1 value(s) given",
            "States.Format('{}', 1, 2) => Invalid arguments in States.Format: the template has 1 '{}' placeholder(s) "
                    + "but 2 value(s) were given",
            "States.Format('{}', $.obj) => Invalid arguments in States.Format: argument 2 ('value') must be a string, "
                    + "number, boolean or null, but was object {\"a\":1,\"b\":{\"c\":2}}",
            "States.ArrayPartition($.list, 0) => Invalid arguments in States.ArrayPartition: argument 2 ('chunk size') "
                    + "must be a positive integer, but was 0",
            "States.ArrayGetItem($.list, 5) => Invalid arguments in States.ArrayGetItem: argument 2 ('index') is 5, "
                    + "outside the array of 5 element(s)",
            "States.ArrayLength($.name) => Invalid arguments in States.ArrayLength: argument 1 ('array') must be an "
                    + "array, but was string \"cpu\"",
            "States.ArrayRange(1, 2, 0) => Invalid arguments in States.ArrayRange: argument 3 ('step') must not be 0",
            "States.ArrayRange(0, 5000, 1) => Invalid arguments in States.ArrayRange: the range would have more than "
                    + "1000 elements",
            "States.Hash('x', 'SHA-3') => Invalid arguments in States.Hash: argument 2 ('algorithm') is 'SHA-3', not "
                    + "one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
            "States.JsonMerge($.obj, $.other, true) => Invalid arguments in States.JsonMerge: argument 3 ('deep') must "
                    + "be false: only the shallow merge is supported",
            "States.StringToJson('{nope') => Invalid arguments in States.StringToJson: argument 1 ('string') is not "
                    + "JSON: {nope",
            "States.MathRandom(5, 5) => Invalid arguments in States.MathRandom: argument 2 ('end') must be greater "
                    + "than the start 5, but was 5",
            "States.Base64Decode('***') => Invalid arguments in States.Base64Decode: argument 1 ('base64') is not "
                    + "Base64: Illegal base64 character 2a",
            "States.ArrayLength($.missing) => Invalid arguments in States.ArrayLength: argument 1: the path "
                    + "'$.missing' could not be found in the input",
    })
    void failsWithIntrinsicFailureNamingTheFunctionAndArgument(String call, String cause) {
        assertThatThrownBy(() -> eval(call)).isInstanceOf(IntrinsicFailure.class)
                .satisfies(e -> assertThat(((IntrinsicFailure) e).errorCause()).isEqualTo(cause))
                .satisfies(e -> assertThat(((IntrinsicFailure) e).errorName()).isEqualTo("States.IntrinsicFailure"));
    }
}

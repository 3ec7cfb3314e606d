package io.autoremediate.engine.internal.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.errors.RuntimeFailure;
import io.autoremediate.engine.internal.json.Scope;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every comparison operator of the spec's "Choice Rules", against one input. */
class ChoiceRuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode INPUT = json("""
            {"s":"beta","n":5,"d":2.5,"b":true,"t":"2024-05-01T10:00:00Z","nil":null,"other":"alpha","five":5.0,
             "star":"a*b","back":"a\\\\b","later":"2024-05-01T11:00:00+01:00","file":"log-2024.txt"}""");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean matches(String rule) {
        Problems problems = new Problems();
        ChoiceRule parsed = ChoiceRuleParser.parse(json(rule), problems).orElseThrow(
                () -> new AssertionError(problems.list()));
        return parsed.matches(new Scope(INPUT, json("{\"State\":{\"Name\":\"C\"}}"), new Random(1)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
            "{\"Variable\":\"$.s\",\"StringEquals\":\"beta\"} -> true",
            "{\"Variable\":\"$.s\",\"StringEquals\":\"Beta\"} -> false",
            "{\"Variable\":\"$.s\",\"StringLessThan\":\"gamma\"} -> true",
            "{\"Variable\":\"$.s\",\"StringGreaterThan\":\"alpha\"} -> true",
            "{\"Variable\":\"$.s\",\"StringLessThanEquals\":\"beta\"} -> true",
            "{\"Variable\":\"$.s\",\"StringGreaterThanEquals\":\"beta\"} -> true",
            "{\"Variable\":\"$.s\",\"StringEqualsPath\":\"$.other\"} -> false",
            "{\"Variable\":\"$.s\",\"StringGreaterThanPath\":\"$.other\"} -> true",
            "{\"Variable\":\"$.n\",\"StringEquals\":\"5\"} -> false",
            "{\"Variable\":\"$.file\",\"StringMatches\":\"log-*.txt\"} -> true",
            "{\"Variable\":\"$.file\",\"StringMatches\":\"*.csv\"} -> false",
            "{\"Variable\":\"$.file\",\"StringMatches\":\"*\"} -> true",
            "{\"Variable\":\"$.star\",\"StringMatches\":\"a\\\\*b\"} -> true",
            "{\"Variable\":\"$.file\",\"StringMatches\":\"log\\\\*\"} -> false",
            "{\"Variable\":\"$.back\",\"StringMatches\":\"a\\\\\\\\b\"} -> true",
            "{\"Variable\":\"$.n\",\"NumericEquals\":5} -> true",
            "{\"Variable\":\"$.five\",\"NumericEquals\":5} -> true",
            "{\"Variable\":\"$.d\",\"NumericLessThan\":3} -> true",
            "{\"Variable\":\"$.d\",\"NumericGreaterThan\":2.5} -> false",
            "{\"Variable\":\"$.d\",\"NumericGreaterThanEquals\":2.5} -> true",
            "{\"Variable\":\"$.n\",\"NumericLessThanEquals\":4} -> false",
            "{\"Variable\":\"$.n\",\"NumericLessThan\":5000000000} -> true",
            "{\"Variable\":\"$.n\",\"NumericGreaterThan\":-9223372036854775809} -> true",
            "{\"Variable\":\"$.n\",\"NumericGreaterThan\":4.999} -> true",
            "{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.five\"} -> true",
            "{\"Variable\":\"$.d\",\"NumericLessThanPath\":\"$.n\"} -> true",
            "{\"Variable\":\"$.s\",\"NumericEquals\":5} -> false",
            "{\"Variable\":\"$.b\",\"BooleanEquals\":true} -> true",
            "{\"Variable\":\"$.b\",\"BooleanEqualsPath\":\"$.b\"} -> true",
            "{\"Variable\":\"$.s\",\"BooleanEquals\":false} -> false",
            "{\"Variable\":\"$.t\",\"TimestampEquals\":\"2024-05-01T10:00:00Z\"} -> true",
            "{\"Variable\":\"$.t\",\"TimestampEqualsPath\":\"$.later\"} -> true",
            "{\"Variable\":\"$.t\",\"TimestampLessThan\":\"2024-05-01T10:00:01Z\"} -> true",
            "{\"Variable\":\"$.t\",\"TimestampGreaterThan\":\"2024-05-01T10:00:00Z\"} -> false",
            "{\"Variable\":\"$.t\",\"TimestampLessThanEquals\":\"2024-05-01T10:00:00Z\"} -> true",
            "{\"Variable\":\"$.t\",\"TimestampGreaterThanEquals\":\"2024-04-30T23:00:00Z\"} -> true",
            "{\"Variable\":\"$.s\",\"TimestampEquals\":\"2024-05-01T10:00:00Z\"} -> false",
            "{\"Variable\":\"$.nil\",\"IsNull\":true} -> true",
            "{\"Variable\":\"$.s\",\"IsNull\":true} -> false",
            "{\"Variable\":\"$.s\",\"IsPresent\":true} -> true",
            "{\"Variable\":\"$.missing\",\"IsPresent\":false} -> true",
            "{\"Variable\":\"$.missing\",\"IsPresent\":true} -> false",
            "{\"Variable\":\"$.n\",\"IsNumeric\":true} -> true",
            "{\"Variable\":\"$.s\",\"IsNumeric\":false} -> true",
            "{\"Variable\":\"$.s\",\"IsString\":true} -> true",
            "{\"Variable\":\"$.b\",\"IsBoolean\":true} -> true",
            "{\"Variable\":\"$.t\",\"IsTimestamp\":true} -> true",
            "{\"Variable\":\"$.s\",\"IsTimestamp\":true} -> false",
            "{\"Variable\":\"$$.State.Name\",\"StringEquals\":\"C\"} -> true",
            "{\"And\":[{\"Variable\":\"$.n\",\"NumericEquals\":5},{\"Variable\":\"$.b\",\"BooleanEquals\":true}]} -> true",
            "{\"And\":[{\"Variable\":\"$.n\",\"NumericEquals\":5},{\"Variable\":\"$.b\",\"BooleanEquals\":false}]} -> false",
            "{\"Or\":[{\"Variable\":\"$.n\",\"NumericEquals\":4},{\"Variable\":\"$.b\",\"BooleanEquals\":true}]} -> true",
            "{\"Not\":{\"Variable\":\"$.s\",\"StringEquals\":\"beta\"}} -> false",
            "{\"Not\":{\"Or\":[{\"Variable\":\"$.s\",\"IsNull\":true},{\"Variable\":\"$.x\",\"IsPresent\":true}]}} -> true",
    })
    void evaluates(String rule, boolean expected) {
        assertThat(matches(rule)).isEqualTo(expected);
    }

    @Test
    void aMissingVariableIsAStatesRuntimeError() {
        assertThatThrownBy(() -> matches("{\"Variable\":\"$.missing\",\"IsNull\":true}"))
                .isInstanceOf(RuntimeFailure.class).hasMessageContaining("Invalid path '$.missing'");
    }

    @Test
    void aMissingComparisonPathIsAStatesRuntimeError() {
        assertThatThrownBy(() -> matches("{\"Variable\":\"$.n\",\"NumericEqualsPath\":\"$.missing\"}"))
                .isInstanceOf(RuntimeFailure.class).hasMessageContaining("Invalid path '$.missing'");
    }

    @Test
    void stringMatchesHasNoPathForm() {
        Problems problems = new Problems();

        ChoiceRuleParser.parse(json("{\"Variable\":\"$.s\",\"StringMatchesPath\":\"$.x\"}"), problems);

        assertThat(problems.list()).containsExactly("'StringMatchesPath' is not a Choice Rule operator",
                "a Choice Rule needs a comparison operator or And, Or, Not");
    }

    @Test
    void twoOperatorsInOneRuleAreRejected() {
        Problems problems = new Problems();

        ChoiceRuleParser.parse(json("{\"Variable\":\"$.s\",\"IsNull\":true,\"IsString\":true}"), problems);

        assertThat(problems.list()).containsExactly(
                "a Choice Rule must have exactly one comparison operator, but has 'IsNull' and 'IsString'");
    }
}

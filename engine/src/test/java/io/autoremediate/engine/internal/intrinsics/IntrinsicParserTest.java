package io.autoremediate.engine.internal.intrinsics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.engine.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicParserTest {

    @Test
    void parsesLiteralsPathsAndNestedCalls() {
        IntrinsicExpression.Call call = IntrinsicParser.parse(
                "States.Array('it''s', -1.5, 2e3, true, false, null, $.a['b c'][0], $$.Execution.Id, States.Array())"
                        .replace("''", "\\'"));

        assertThat(call.function().name()).isEqualTo("States.Array");
        assertThat(call.args()).hasSize(9);
        assertThat(((IntrinsicExpression.Literal) call.args().get(0)).value().textValue()).isEqualTo("it's");
        assertThat(Json.write(((IntrinsicExpression.Literal) call.args().get(1)).value())).isEqualTo("-1.5");
        assertThat(((IntrinsicExpression.Literal) call.args().get(2)).value().isNumber()).isTrue();
        assertThat(((IntrinsicExpression.PathArgument) call.args().get(6)).path().text()).isEqualTo("$.a['b c'][0]");
        assertThat(((IntrinsicExpression.PathArgument) call.args().get(7)).path().isContextPath()).isTrue();
        assertThat(call.args().get(8)).isInstanceOf(IntrinsicExpression.Call.class);
    }

    @Test
    void pathsMayContainCommasAndParenthesesInsideFiltersAndQuotes() {
        IntrinsicExpression.Call call = IntrinsicParser.parse("States.Array($.a[?(@.x == 'p,q')], $['k,(j)'])");

        assertThat(call.args()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "States.Nope()", "States.Array(", "States.Array('unterminated)", "States.Array(1) trailing",
            "States.Array(bareword)", "States.UUID(1)", "States.Format()"})
    void rejectsMalformedCalls(String text) {
        assertThatThrownBy(() -> IntrinsicParser.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongArgumentCountIsNamedWhenTheDefinitionIsParsed() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.ArrayLength(1, 2)"))
                .hasMessage("Invalid arguments in States.ArrayLength: expects 1 argument(s), but got 2");
    }
}

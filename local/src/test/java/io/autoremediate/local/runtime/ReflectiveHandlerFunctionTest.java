package io.autoremediate.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.local.json.LocalJson;
import org.junit.jupiter.api.Test;

/** Java handlers named by handler string, called with the signatures the Lambda Java runtime accepts. */
class ReflectiveHandlerFunctionTest {

    private static final String ARN = "arn:aws:lambda:local:000000000000:function:f";

    private static ReflectiveHandlerFunction load(String handler) {
        return ReflectiveHandlerFunction.load("f", ARN, LambdaHandlerString.parse(handler));
    }

    @Test
    void requestHandlerGetsTypedInputAndContextAndReturnsJson() throws Exception {
        JsonNode result = load(SampleHandlers.Orders.class.getName()).invoke(LocalJson.MAPPER.readTree("{\"item\":\"disk\",\"quantity\":2}"));

        assertThat(result.path("line").asText()).isEqualTo("2 x disk for f");
    }

    @Test
    void aNamedMethodWithGenericInputIsCalled() throws Exception {
        JsonNode result = load(SampleHandlers.Counter.class.getName() + "::count").invoke(LocalJson.MAPPER.readTree("[\"a\",\"b\",\"c\"]"));

        assertThat(result.asInt()).isEqualTo(3);
    }

    @Test
    void streamHandlerGetsThePayloadBytes() throws Exception {
        JsonNode result = load(SampleHandlers.Echo.class.getName() + "::handleRequest").invoke(LocalJson.MAPPER.readTree("{\"a\":1}"));

        assertThat(result.path("echo").path("a").asInt()).isEqualTo(1);
    }

    @Test
    void anExceptionFailsAsLambdaReportsIt() {
        assertThatThrownBy(() -> load(SampleHandlers.Orders.class.getName()).invoke(LocalJson.MAPPER.readTree("{\"item\":\"x\",\"quantity\":0}")))
                .isInstanceOfSatisfying(FunctionErrorException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(e.errorMessage()).isEqualTo("nothing to order");
                });
    }

    @Test
    void aPayloadThatDoesNotFitTheInputTypeFailsBeforeTheHandlerRuns() {
        assertThatThrownBy(() -> load(SampleHandlers.Orders.class.getName()).invoke(LocalJson.MAPPER.readTree("{\"quantity\":\"many\"}")))
                .isInstanceOfSatisfying(FunctionErrorException.class,
                        e -> assertThat(e.errorMessage()).contains("the payload does not fit").contains("Order"));
    }

    @Test
    void whatIsMissingIsNamed() {
        assertThatThrownBy(() -> load("com.example.Missing::handle"))
                .hasMessage("handler com.example.Missing::handle: no class com.example.Missing on the classpath");
        assertThatThrownBy(() -> load(SampleHandlers.Counter.class.getName() + "::tally"))
                .hasMessageContaining("no public method tally taking");
        assertThatThrownBy(() -> load(SampleHandlers.NoDefaultConstructor.class.getName()))
                .hasMessageContaining("has no public no-argument constructor");
        assertThatThrownBy(() -> LambdaHandlerString.parse("rm -rf /"))
                .hasMessageContaining("is not a Java handler string");
    }
}

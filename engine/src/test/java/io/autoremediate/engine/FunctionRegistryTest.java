package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionRegistryTest {

    @Test
    void bindsByBareNameFluently() {
        LambdaFunction fn = payload -> payload;
        FunctionRegistry registry = new FunctionRegistry().bind("b", fn).bind("a", fn);

        assertThat(registry.find("a")).containsSame(fn);
        assertThat(registry.find("c")).isEmpty();
        assertThat(registry.functionNames()).containsExactly("a", "b");
    }

    @Test
    void refusesToBindAnArnOrQualifiedName() {
        assertThatThrownBy(() -> new FunctionRegistry().bind("check:live", p -> p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare function name");
    }

    @Test
    void functionErrorCauseIsLambdasErrorJsonUnlessGiven() {
        assertThat(new FunctionErrorException("E", "it \"broke\"").cause())
                .isEqualTo("{\"errorType\":\"E\",\"errorMessage\":\"it \\\"broke\\\"\"}");
        assertThat(new FunctionErrorException("E", "m", "{\"stackTrace\":[]}").cause())
                .isEqualTo("{\"stackTrace\":[]}");
    }
}

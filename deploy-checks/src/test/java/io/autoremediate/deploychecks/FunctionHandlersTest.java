package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autoremediate.deploychecks.hcl.HclExpression;
import io.autoremediate.local.runtime.RemediationFunction;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every function the module deploys points at a handler class and method that exist in the functions jar. */
class FunctionHandlersTest {

    /**
     * Handlers the module deploys before their class exists. When a class lands, its test fails until its entry
     * is removed here, so this list cannot go stale.
     */
    static final Map<String, String> EXPECTED_MISSING_HANDLERS = Map.of();

    @Test
    void everyHandlerStringNamesAStreamHandlerWithHandleRequest() {
        Map<String, HclExpression.ObjectValue> functions = Modules.functionDefaults();
        assertThat(functions).containsOnlyKeys("resolve_script", "send_command", "poll_command", "check_alarm",
                "guard", "notify", "intake");
        for (var function : functions.entrySet()) {
            String className = handlerClass(function.getValue());
            if (EXPECTED_MISSING_HANDLERS.containsKey(className)) {
                assertThatThrownBy(() -> Class.forName(className))
                        .as("%s now exists: remove it from EXPECTED_MISSING_HANDLERS", className)
                        .isInstanceOf(ClassNotFoundException.class);
                continue;
            }
            Class<?> handler = load(function.getKey(), className);
            assertThat(RequestStreamHandler.class.isAssignableFrom(handler))
                    .as("%s (function %s) implements RequestStreamHandler", className, function.getKey()).isTrue();
            assertThat(Modifier.isAbstract(handler.getModifiers())).as("%s is abstract", className).isFalse();
            try {
                Method method = handler.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
                assertThat(Modifier.isPublic(method.getModifiers())).isTrue();
                assertThat(handler.getConstructor()).as("%s has the public no-argument constructor Lambda calls",
                        className).isNotNull();
            } catch (NoSuchMethodException e) {
                fail("function " + function.getKey() + ": " + className + " has no " + e.getMessage());
            }
        }
    }

    @Test
    void handlerStringsAreBuiltFromThePackageAndHandleRequest() {
        assertThat(Modules.AUTOREMEDIATE.local("handler_package").asString())
                .isEqualTo("io.autoremediate.functions.handlers.");
        assertThat(Modules.AUTOREMEDIATE.local("functions").source())
                .contains("handler     = \"${local.handler_package}${fn.handler}::handleRequest\"");
    }

    /**
     * Both ways: every function of the local runtime is deployed under its name with its handler, and every
     * deployed function with a placeholder is one the local runtime knows (so the six steps are the same six).
     */
    @Test
    void theStateMachinesStepsAreTheLocalRuntimesFunctionsWithTheirNamesPlaceholdersAndHandlers() {
        String prefix = Modules.variableDefault("name_prefix");
        Map<String, HclExpression.ObjectValue> functions = Modules.functionDefaults();
        for (RemediationFunction step : RemediationFunction.values()) {
            var entry = functions.values().stream()
                    .filter(fn -> step.placeholder().equals(literal(fn, "placeholder")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no function fills " + step.placeholder()));
            assertThat(prefix + "-" + entry.items().get("suffix").asString()).isEqualTo(step.functionName());
            assertThat(handlerClass(entry) + "::handleRequest").isEqualTo(step.handler());
        }
        Set<Object> deployedPlaceholders = new TreeSet<>();
        functions.values().forEach(fn -> {
            if (literal(fn, "placeholder") != null) {
                deployedPlaceholders.add(literal(fn, "placeholder"));
            }
        });
        assertThat(deployedPlaceholders).as("placeholders of the deployed steps")
                .isEqualTo(Arrays.stream(RemediationFunction.values()).map(RemediationFunction::placeholder)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theIntakeIsCalledByEventBridgeNotByTheStateMachine() {
        var intake = Modules.functionDefaults().get("intake");
        assertThat(intake.items().get("placeholder").source()).isEqualTo("null");
        assertThat(handlerClass(intake)).isEqualTo("io.autoremediate.functions.handlers.IntakeHandler");
    }

    static String handlerClass(HclExpression.ObjectValue function) {
        return Modules.AUTOREMEDIATE.local("handler_package").asString() + function.items().get("handler").asString();
    }

    private static Object literal(HclExpression.ObjectValue object, String key) {
        return object.items().get(key) instanceof HclExpression.Literal literal ? literal.value() : null;
    }

    private static Class<?> load(String function, String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("function " + function + " names handler class " + className
                    + ", which is not in autoremediate-functions", e);
        }
    }
}

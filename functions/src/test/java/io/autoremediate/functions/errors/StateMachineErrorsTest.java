package io.autoremediate.functions.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.TestJson;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error name of ours in {@code statemachine/remediation.asl.json} is declared in this package: a class
 * named in a Retry or Catch rule, or a {@code Remediation.*} name a state raises or matches.
 */
class StateMachineErrorsTest {

    /** A fully qualified Java class name, as the Lambda runtime reports an exception's type. */
    static final Pattern JAVA_CLASS = Pattern.compile("([a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

    private static final String OUR_NAMES = "Remediation.";

    private static Set<String> names;

    @BeforeAll
    static void readTheDefinition() throws IOException {
        JsonNode definition = TestJson.MAPPER.readTree(Path.of(System.getProperty("statemachine.definition")).toFile());
        names = new TreeSet<>();
        collect(definition, names);
    }

    @Test
    void everyClassARuleNamesIsAThrowableOfThisPackage() throws ClassNotFoundException {
        List<String> classes = names.stream().filter(name -> JAVA_CLASS.matcher(name).matches()).toList();

        assertThat(classes).contains(DependencyUnavailableException.class.getName(),
                NoticeUndeliveredException.class.getName());
        for (String name : classes) {
            Class<?> named = Class.forName(name);
            assertThat(Throwable.class).as(name).isAssignableFrom(named);
            assertThat(named.getPackageName()).as(name).isEqualTo(StateMachineErrorsTest.class.getPackageName());
        }
    }

    @Test
    void everyRemediationErrorIsDeclaredOnceAndUsed() {
        List<String> declared = declaredNames();

        assertThat(names.stream().filter(name -> name.startsWith(OUR_NAMES)))
                .containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared).doesNotHaveDuplicates();
    }

    private static List<String> declaredNames() {
        return Arrays.stream(RemediationErrors.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(StateMachineErrorsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** Every {@code ErrorEquals} entry and every {@code Error} a Fail state or a Pass state's result names. */
    private static void collect(JsonNode node, Set<String> into) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, into));
            return;
        }
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (field.equals("ErrorEquals")) {
                value.forEach(name -> into.add(name.asText()));
            } else if (field.equals("Error") && value.isTextual()) {
                into.add(value.asText());
            } else {
                collect(value, into);
            }
        }
    }
}

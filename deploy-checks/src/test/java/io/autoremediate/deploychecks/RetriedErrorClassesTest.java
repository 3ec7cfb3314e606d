package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A Retry or Catch rule matches a Java exception by its class name, as the Lambda runtime reports it; a class
 * renamed or moved without the definition would switch the rule off silently. So every class name in an
 * {@code ErrorEquals} of the deployed definition must be a Throwable in the deployed Lambda jar.
 */
class RetriedErrorClassesTest {

    private static final Path DEFINITION = Repository.resolve("statemachine/remediation.asl.json");

    /** A fully qualified Java class name; the engine's own names ({@code States.ALL}, {@code Lambda.Unknown}) are not. */
    private static final Pattern JAVA_CLASS = Pattern.compile("([a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

    @Test
    void everyClassAnErrorEqualsNamesIsAThrowableInTheLambdaJar() throws Exception {
        Map<String, Integer> rulesByClass = new TreeMap<>();
        countClassNames(new ObjectMapper().readTree(DEFINITION.toFile()), rulesByClass);

        assertThat(rulesByClass).as("classes named in ErrorEquals of %s", DEFINITION.getFileName())
                .containsEntry("io.autoremediate.functions.errors.DependencyUnavailableException", 11)
                .containsEntry("io.autoremediate.functions.errors.NoticeUndeliveredException", 3);
        assertThat(ShadedJarTest.JAR).as("the shaded jar (built by `mvn package -pl functions -am`)").isRegularFile();
        try (URLClassLoader jar = new URLClassLoader("lambda-jar", new URL[] {ShadedJarTest.JAR.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : rulesByClass.keySet()) {
                Class<?> named;
                try {
                    named = Class.forName(name, false, jar);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name + " is named in " + rulesByClass.get(name) + " ErrorEquals of "
                            + DEFINITION.getFileName() + " but is not in " + ShadedJarTest.JAR.getFileName()
                            + ": those rules would never match; rename it there too", e);
                }
                assertThat(named.getClassLoader()).as("%s comes from the jar", name).isSameAs(jar);
                assertThat(Throwable.class).as("%s, named in %d ErrorEquals", name, rulesByClass.get(name))
                        .isAssignableFrom(named);
            }
        }
    }

    private static void countClassNames(JsonNode node, Map<String, Integer> into) {
        node.fields().forEachRemaining(field -> {
            if (field.getKey().equals("ErrorEquals")) {
                field.getValue().forEach(error -> {
                    if (JAVA_CLASS.matcher(error.asText()).matches()) {
                        into.merge(error.asText(), 1, Integer::sum);
                    }
                });
            } else {
                countClassNames(field.getValue(), into);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> countClassNames(element, into));
        }
    }
}

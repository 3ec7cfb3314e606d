package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.deploychecks.hcl.HclBlock;
import io.autoremediate.functions.settings.RemediationSettings;
import io.autoremediate.functions.settings.WaitBudget;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module's {@code remediation_settings} refuses at plan what the intake would refuse at cold start, and
 * accepts what it accepts: its known names and least values are held to the definition's {@code Prepare}
 * defaults and to {@link RemediationSettings}, and terraform/README.md documents each one.
 */
class RemediationSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRY_RUN = "dryRun";

    @Test
    void theKnownNamesAreTheDefinitionsSettings() throws Exception {
        assertThat(new TreeSet<>(knownNames())).isEqualTo(new TreeSet<>(definitionDefaults().keySet()));
    }

    @Test
    void theLeastValuesAndTheMaximumAreWhatTheIntakeAccepts() throws Exception {
        Map<String, Long> least = leastValues();
        long most = maximum();
        assertThat(least.keySet()).as("every setting but dryRun has a least value")
                .isEqualTo(new TreeSet<>(knownNames().stream().filter(name -> !name.equals(DRY_RUN)).toList()));
        for (var setting : least.entrySet()) {
            String name = setting.getKey();
            long value = setting.getValue();
            assertAccepted(name, value);
            assertNotRefusedByItsOwnBound(name, most);
            assertRefused(name, JSON.getNodeFactory().numberNode(value - 1));
            assertRefused(name, JSON.getNodeFactory().numberNode(most + 1));
            assertRefused(name, JSON.getNodeFactory().textNode(Long.toString(value)));
        }
        assertAccepted(DRY_RUN, true);
        assertRefused(DRY_RUN, JSON.getNodeFactory().textNode("true"));
        assertRefused("maxAttempt", JSON.getNodeFactory().numberNode(1));
    }

    @Test
    void theModuleReadmeDocumentsEveryKeyWithItsDefaultAndLeastValue() throws Exception {
        Map<String, List<String>> rows = readmeRows();
        Map<String, JsonNode> defaults = definitionDefaults();
        Map<String, Long> least = leastValues();
        assertThat(rows.keySet()).isEqualTo(defaults.keySet());
        for (var row : rows.entrySet()) {
            String name = row.getKey();
            assertThat(row.getValue().get(0)).as("default of %s", name).isEqualTo(defaults.get(name).asText());
            assertThat(row.getValue().get(2)).as("allowed values of %s", name)
                    .isEqualTo(name.equals(DRY_RUN) ? "`true` or `false`" : "whole number ≥ " + least.get(name));
        }
        String description = variable().required("description").asString();
        defaults.forEach((name, value) -> assertThat(description).as("description names %s with its default", name)
                .contains(name + " (" + value.asText() + ")"));
    }

    @Test
    void theIntakeKnowsTheDefinitionsDefaultsAndTimeout() throws Exception {
        // Compared as JSON text: the intake builds its numbers as longs and the parser reads the definition's as
        // ints, and JsonNode.equals tells those node types apart though JSON does not. Text still tells a number
        // from a quoted string or a bool.
        Map<String, String> inDefinition = new TreeMap<>();
        definitionDefaults().forEach((name, value) -> inDefinition.put(name, value.toString()));
        Map<String, String> inIntake = new TreeMap<>();
        RemediationSettings.defaults().fields()
                .forEachRemaining(field -> inIntake.put(field.getKey(), field.getValue().toString()));
        assertThat(inIntake).isEqualTo(inDefinition);
        JsonNode definition = JSON.readTree(Files.readString(Repository.resolve("statemachine/remediation.asl.json")));
        assertThat(definition.path("TimeoutSeconds").asLong()).isEqualTo(WaitBudget.EXECUTION_TIMEOUT_SECONDS);
    }

    @Test
    void theModuleRefusesTheWaitBudgetTheIntakeRefuses() {
        String condition = condition("approvalTimeoutSeconds\", 3600)");
        Map<String, JsonNode> defaults = new TreeMap<>();
        RemediationSettings.defaults().fields().forEachRemaining(field -> defaults.put(field.getKey(), field.getValue()));
        Matcher lookup = Pattern.compile("lookup\\(var\\.remediation_settings, \"(\\w+)\", (\\d+)\\)").matcher(condition);
        int found = 0;
        while (lookup.find()) {
            found++;
            assertThat(lookup.group(2)).as("default of %s in the budget check", lookup.group(1))
                    .isEqualTo(defaults.get(lookup.group(1)).asText());
        }
        assertThat(found).as("lookups in the budget check").isEqualTo(10);
        assertThat(condition).contains("<= " + WaitBudget.MAX_WAIT_SECONDS);
    }

    @Test
    void theIntakeGetsTheSettingsAsJsonAndNothingWhenThereAreNone() {
        String intake = Modules.AUTOREMEDIATE.resource("aws_lambda_function", "intake").blocks("environment").get(0)
                .required("variables").source();
        assertThat(intake).contains("REMEDIATION_SETTINGS = length(var.remediation_settings) == 0 ? null : "
                + "jsonencode(var.remediation_settings)");
        assertThat(variable().required("type").source()).as("an object type would drop misspelt keys silently")
                .isEqualTo("any");
    }

    private static void assertAccepted(String name, Object value) {
        assertThatCode(() -> RemediationSettings.validated(JSON.valueToTree(Map.of(name, value))))
                .as("the intake accepts %s = %s", name, value).doesNotThrowAnyException();
    }

    /** A setting at its maximum passes its own check; only the wait budget of all settings together may refuse it. */
    private static void assertNotRefusedByItsOwnBound(String name, long value) {
        try {
            RemediationSettings.validated(JSON.valueToTree(Map.of(name, value)));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).as("%s = %s", name, value).startsWith("settings allow an execution to wait");
        }
    }

    private static void assertRefused(String name, JsonNode value) {
        var settings = JSON.createObjectNode().set(name, value);
        assertThatThrownBy(() -> RemediationSettings.validated(settings)).as("the intake refuses %s = %s", name, value)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    private static HclBlock variable() {
        return Modules.AUTOREMEDIATE.blocks("variable").stream()
                .filter(block -> block.labels().equals(List.of("remediation_settings"))).findFirst().orElseThrow();
    }

    private static String condition(String marker) {
        return variable().blocks("validation").stream()
                .map(validation -> validation.required("condition").source())
                .filter(source -> source.contains(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no validation of remediation_settings uses " + marker));
    }

    /** The names in the validation's {@code contains([...], name)}. */
    private static List<String> knownNames() {
        String source = condition("contains([");
        String list = source.substring(source.indexOf("contains([") + "contains([".length(), source.indexOf("]"));
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("\"(\\w+)\"").matcher(list);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** The validation's {@code lookup({NAME = LEAST ...}, name, 1)}. */
    private static Map<String, Long> leastValues() {
        String source = condition("lookup({");
        String object = source.substring(source.indexOf("lookup({"), source.indexOf("}", source.indexOf("lookup({")));
        Map<String, Long> least = new TreeMap<>();
        Matcher entry = Pattern.compile("(\\w+)\\s*=\\s*(\\d+)").matcher(object);
        while (entry.find()) {
            least.put(entry.group(1), Long.parseLong(entry.group(2)));
        }
        return least;
    }

    private static long maximum() {
        Matcher most = Pattern.compile("<=\\s*(\\d+)").matcher(condition("lookup({"));
        assertThat(most.find()).as("the validation bounds the values").isTrue();
        return Long.parseLong(most.group(1));
    }

    private static Map<String, JsonNode> definitionDefaults() throws Exception {
        JsonNode definition = JSON.readTree(Files.readString(Repository.resolve("statemachine/remediation.asl.json"))
                .replaceAll("\\$\\{\\w+}", "placeholder"));
        Map<String, JsonNode> defaults = new TreeMap<>();
        definition.path("States").path("Prepare").path("Parameters").path("settings").fields()
                .forEachRemaining(field -> defaults.put(field.getKey(), field.getValue()));
        assertThat(defaults).as("the Prepare state's settings").isNotEmpty();
        return defaults;
    }

    /** terraform/README.md's settings table: key to [default, meaning, allowed]. */
    private static Map<String, List<String>> readmeRows() throws Exception {
        String readme = Files.readString(Repository.resolve("terraform/README.md"));
        String section = readme.substring(readme.indexOf("## Remediation settings"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("\\n\\| `(\\w+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|").matcher(section);
        while (row.find()) {
            rows.put(row.group(1), List.of(row.group(2).strip(), row.group(3).strip(), row.group(4).strip()));
        }
        return new TreeMap<>(rows);
    }
}

package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.deploychecks.hcl.HclBlock;
import io.autoremediate.deploychecks.hcl.HclExpression;
import io.autoremediate.local.runtime.RemediationFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** templatefile fills exactly the definition's placeholders, each with the right function's alias. */
class StateMachineTemplateTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final String LAMBDA_INVOKE_INTEGRATION = "arn:aws:states:::lambda:invoke";
    private static final Path DEFINITION = Repository.resolve("statemachine/remediation.asl.json");

    @Test
    void everyPlaceholderIsSuppliedAndNothingElse() throws Exception {
        assertThat(placeholders().keySet()).isEqualTo(placeholdersInDefinition());
    }

    @Test
    void eachPlaceholderIsTheLiveAliasOfTheFunctionThatDeclaresIt() {
        Map<String, String> placeholderToFunction = new LinkedHashMap<>();
        Modules.functionDefaults().forEach((key, fn) -> {
            if (fn.items().get("placeholder") instanceof HclExpression.Literal literal && literal.value() != null) {
                placeholderToFunction.put((String) literal.value(), key);
            }
        });
        placeholders().forEach((name, value) -> assertThat(value.source())
                .as(name).isEqualTo("aws_lambda_alias.live[\"" + placeholderToFunction.get(name) + "\"].arn"));
    }

    @Test
    void theDefinitionIsRenderedByTemplatefileAndTheRoleInvokesExactlyThoseAliases() {
        HclBlock stateMachine = Modules.AUTOREMEDIATE.resource("aws_sfn_state_machine", "remediation");
        assertThat(stateMachine.required("definition").source())
                .isEqualTo("templatefile(var.state_machine_definition_path, local.state_machine_placeholders)");
        HclBlock policy = Modules.AUTOREMEDIATE.data("aws_iam_policy_document", "state_machine");
        HclBlock invoke = policy.blocks("statement").stream()
                .filter(statement -> statement.required("sid").asString().equals("InvokeStepAliases"))
                .findFirst().orElseThrow();
        assertThat(invoke.required("actions").asStrings()).containsExactly("lambda:InvokeFunction");
        assertThat(invoke.required("resources").source()).isEqualTo("values(local.state_machine_placeholders)");
    }

    @Test
    void theDefinitionHasNoOtherTemplateSyntaxAndRendersToJsonNamingOnlyTheAliases() throws Exception {
        String definition = Files.readString(DEFINITION);
        assertThat(definition).doesNotContain("%{").doesNotContain("$${");
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(rendered, "arn:aws:lambda:us-east-1:123456789012:function:" + matcher.group(1)
                    + ":live");
        }
        matcher.appendTail(rendered);
        JsonNode machine = new ObjectMapper().readTree(rendered.toString());
        Set<String> invoked = new TreeSet<>();
        Set<String> integrations = new TreeSet<>();
        machine.path("States").forEach(state -> {
            String resource = state.path("Resource").asText(null);
            if (resource == null) {
                return;
            }
            if (resource.startsWith(LAMBDA_INVOKE_INTEGRATION)) {
                integrations.add(resource);
                invoked.add(state.path("Parameters").path("FunctionName").asText());
            } else {
                invoked.add(resource);
            }
        });
        Set<String> stepAliases = new TreeSet<>();
        for (RemediationFunction step : RemediationFunction.values()) {
            stepAliases.add("arn:aws:lambda:us-east-1:123456789012:function:" + step.placeholder() + ":live");
        }
        assertThat(invoked).as("functions the rendered definition invokes").isEqualTo(stepAliases);
        // The approval gate's callback: the same lambda:InvokeFunction on the Notify alias, nothing more.
        assertThat(integrations).as("service integrations").containsExactly(LAMBDA_INVOKE_INTEGRATION + ".waitForTaskToken");
    }

    @Test
    void theExamplePointsAtTheRepositorysDefinitionRunbooksAndShadedJar() throws Exception {
        HclBlock module = Modules.EXAMPLE.blocks("module").stream()
                .filter(block -> block.labels().equals(java.util.List.of("autoremediate"))).findFirst().orElseThrow();
        Path exampleFolder = Modules.EXAMPLE.folder();
        Path root = exampleFolder.resolve("../../..").normalize();
        assertThat(Modules.EXAMPLE.local("repository_root").source()).isEqualTo("\"${path.module}/../../..\"");
        assertThat(resolve(module, "state_machine_definition_path", root)).isEqualTo(DEFINITION.normalize());
        assertThat(Files.isDirectory(resolve(module, "runbooks_dir", root))).isTrue();
        Path jar = resolve(module, "lambda_jar_path", root);
        String functionsPom = Files.readString(root.resolve("functions/pom.xml"));
        assertThat(functionsPom).contains("<artifactId>autoremediate-functions</artifactId>")
                .contains("<shadedClassifierName>lambda</shadedClassifierName>");
        assertThat(jar).isEqualTo(root.resolve("functions/target/autoremediate-functions-0.1.0-SNAPSHOT-lambda.jar"));
    }

    private static Path resolve(HclBlock module, String attribute, Path root) {
        String template = ((HclExpression.Template) module.required(attribute)).template();
        assertThat(template).startsWith("${local.repository_root}/");
        return root.resolve(template.substring("${local.repository_root}/".length())).normalize();
    }

    private static Map<String, HclExpression> placeholders() {
        return Modules.AUTOREMEDIATE.local("state_machine_placeholders").asObject().items();
    }

    private static Set<String> placeholdersInDefinition() throws Exception {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(DEFINITION));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}

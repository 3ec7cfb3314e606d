package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, checked against the code: each function's role is allowed exactly the AWS calls of the
 * adapter methods it uses, plus a few permissions named here with the reason they are needed without a call.
 */
class IamPolicyTest {

    /** The one declared list per adapter: public method to the IAM actions its SDK calls need. */
    static final Map<String, Map<String, Set<String>>> ADAPTER_ACTIONS = Map.of(
            "S3RunbookStore", Map.of("find", Set.of("s3:GetObject")),
            "SsmCommandRunner", Map.of(
                    "send", Set.of("ssm:SendCommand"),
                    // The end of long output, from the agent's copy under the output prefix (SsmOutputTail).
                    "progress", Set.of("ssm:GetCommandInvocation", "s3:GetObject")),
            "CloudWatchAlarmStateReader", Map.of("read", Set.of("cloudwatch:DescribeAlarms")),
            "SnsNotificationChannel", Map.of("deliver", Set.of("sns:Publish")),
            "SecretsManagerSecrets", Map.of("read", Set.of("secretsmanager:GetSecretValue")),
            "ParameterStoreSecrets", Map.of("read", Set.of("ssm:GetParameter")),
            "SfnExecutionStarter", Map.of("start", Set.of("states:StartExecution")),
            "SfnExecutionLedger", Map.of(
                    "running", Set.of("states:ListExecutions"),
                    "startedSince", Set.of("states:ListExecutions")));

    /** What each function calls, as adapter methods ("Class.method"). */
    static final Map<String, List<String>> FUNCTION_USES = Map.of(
            "resolve_script", List.of("S3RunbookStore.find"),
            "send_command", List.of("S3RunbookStore.find", "SsmCommandRunner.send"),
            "poll_command", List.of("SsmCommandRunner.progress"),
            "check_alarm", List.of("CloudWatchAlarmStateReader.read"),
            "guard", List.of("SfnExecutionLedger.running", "SfnExecutionLedger.startedSince"),
            "notify", List.of("SnsNotificationChannel.deliver"),
            "intake", List.of("SfnExecutionStarter.start"));

    /** Granted without a matching call, with the reason; each must be granted where it is listed. */
    static final Map<String, Set<String>> PERMISSIONS_WITHOUT_CALLS = Map.of(
            // Without ListBucket S3 answers a missing runbook with 403, and the lookup cannot fall through.
            "resolve_script", Set.of("s3:ListBucket"),
            "send_command", Set.of("s3:ListBucket"));

    /**
     * Adapter methods a function calls only when inputs ask for them: the channel secrets, read by name from
     * the store that secret_store chooses (AdapterWiring.secretStore), when a secret name is given.
     */
    static final Map<String, List<String>> CONDITIONAL_USES = Map.of(
            "notify", List.of("SecretsManagerSecrets.read", "ParameterStoreSecrets.read"));

    /** Switched on by inputs without a call of their own: KMS keys of the bucket and of the channel secrets. */
    static final Map<String, Set<String>> CONDITIONAL_PERMISSIONS = Map.of(
            "resolve_script", Set.of("kms:Decrypt"),
            "send_command", Set.of("kms:Decrypt"),
            "poll_command", Set.of("kms:Decrypt"),
            "notify", Set.of("kms:Decrypt"));

    /**
     * KMS calls AWS makes with the caller's own rights when the caller's call reaches a resource that is always
     * encrypted with a customer managed key. The escalation topic always is (the module's key, or the one given
     * as escalation_topic_kms_key_arn; notifications.tf), and SNS encrypts a published message with the
     * publisher's GenerateDataKey and Decrypt (SNS developer guide, "Key management": "The publisher must have
     * the kms:GenerateDataKey* and kms:Decrypt permissions"). Not a call in the adapter's code, but one its call
     * cannot succeed without; {@link #kmsForPublishingIsOnlyTheTopicsKeyAndOnlyThroughSns} holds it to that key.
     */
    static final Map<String, Set<String>> KMS_ON_BEHALF_OF_CALL = Map.of(
            "sns:Publish", Set.of("kms:GenerateDataKey", "kms:Decrypt"));

    /**
     * Key policies (aws_iam_policy_document to the aws_kms_key whose policy it is). In a key policy the Resource
     * "*" means the key the policy is attached to and nothing else, so it is not a star resource.
     */
    static final Map<String, String> KEY_POLICIES = Map.of("escalation_topic_key", "escalation_topic");

    /** Every function writes its own log group and X-Ray traces (function_base). */
    static final Set<String> PLATFORM_ACTIONS =
            Set.of("logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords");

    /** Statements allowed a "*" resource, because the API accepts nothing narrower. */
    static final Map<String, String> STAR_RESOURCE_ALLOWED = Map.of(
            "function_base/Tracing", "X-Ray PutTraceSegments and PutTelemetryRecords have no resource types",
            "poll_command/ReadCommandInvocations", "ssm:GetCommandInvocation has no resource types",
            "state_machine/LogDelivery", "the CloudWatch Logs delivery APIs have no resource types",
            "state_machine/Tracing", "X-Ray write and sampling APIs have no resource types",
            "instance/PublishUptimeMetric", "cloudwatch:PutMetricData has no resource types; namespace condition");

    /** A wildcard action only takes away here: the bucket's TLS-only Deny. */
    static final Set<String> WILDCARD_DENY_ALLOWED = Set.of("bucket/DenyInsecureTransport");

    @Test
    void eachAdaptersDeclaredListIsWhatItsCodeCalls() {
        for (var adapter : ADAPTER_ACTIONS.entrySet()) {
            assertThat(AdapterCalls.of(adapter.getKey())).as("AWS calls in %s.java", adapter.getKey())
                    .isEqualTo(adapter.getValue());
        }
    }

    @Test
    void everyAdapterWithAwsCallsHasADeclaredList() {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(AdapterCalls.ADAPTERS)) {
            for (var file : files.toList()) {
                String adapter = file.getFileName().toString().replace(".java", "");
                if (!AdapterCalls.of(adapter).isEmpty()) {
                    assertThat(ADAPTER_ACTIONS).as("%s makes AWS calls: declare them in ADAPTER_ACTIONS and grant them",
                            adapter).containsKey(adapter);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyDeployedFunctionHasADeclaredListOfUses() {
        assertThat(FUNCTION_USES.keySet()).isEqualTo(Modules.functionDefaults().keySet());
    }

    @Test
    void eachFunctionUsesTheAdaptersItsHandlerIsWiredWith() {
        Map<String, String> factoryToAdapters = adapterFactories();
        Modules.functionDefaults().forEach((key, fn) -> {
            String handlerClass = fn.items().get("handler").asString();
            var handlerFile = Repository.resolve("functions/src/main/java/io/autoremediate/functions/handlers/"
                    + handlerClass + ".java");
            if (!java.nio.file.Files.exists(handlerFile)) {
                assertThat(FunctionHandlersTest.EXPECTED_MISSING_HANDLERS)
                        .containsKey("io.autoremediate.functions.handlers." + handlerClass);
                return;
            }
            Set<String> wired = new TreeSet<>();
            Matcher factory = Pattern.compile("AwsAdapters\\.(\\w+)\\(\\)").matcher(AdapterCalls.read(handlerFile));
            while (factory.find()) {
                String adapters = factoryToAdapters.get(factory.group(1));
                assertThat(adapters).as("%s calls AwsAdapters.%s(), which AdapterWiring does not build; declare "
                        + "its adapter here and grant its calls", handlerClass, factory.group(1)).isNotNull();
                for (String adapter : adapters.split(",")) {
                    if (ADAPTER_ACTIONS.containsKey(adapter)) {
                        wired.add(adapter);
                    }
                }
            }
            Set<String> declared = new TreeSet<>();
            FUNCTION_USES.get(key).forEach(use -> declared.add(use.substring(0, use.indexOf('.'))));
            assertThat(declared).as("adapters of %s (%s)", key, handlerClass).isEqualTo(wired);
        });
    }

    @Test
    void eachFunctionRoleAllowsExactlyItsCallsAndTheNamedExtras() {
        List<PolicyStatement> statements = PolicyStatement.of(Modules.AUTOREMEDIATE);
        for (String function : FUNCTION_USES.keySet()) {
            Set<String> expected = new TreeSet<>(PLATFORM_ACTIONS);
            FUNCTION_USES.get(function).forEach(use -> {
                String[] parts = use.split("\\.");
                for (String action : ADAPTER_ACTIONS.get(parts[0]).get(parts[1])) {
                    expected.add(action);
                    expected.addAll(KMS_ON_BEHALF_OF_CALL.getOrDefault(action, Set.of()));
                }
            });
            expected.addAll(PERMISSIONS_WITHOUT_CALLS.getOrDefault(function, Set.of()));
            Set<String> always = new TreeSet<>();
            Set<String> conditional = new TreeSet<>();
            for (PolicyStatement statement : statements) {
                if (statement.document().equals(function) || statement.document().equals("function_base")) {
                    (statement.conditional() ? conditional : always).addAll(statement.actions());
                }
            }
            assertThat(always).as("actions always granted to %s", function).isEqualTo(expected);
            Set<String> expectedConditional = new TreeSet<>(CONDITIONAL_PERMISSIONS.getOrDefault(function, Set.of()));
            CONDITIONAL_USES.getOrDefault(function, List.of()).forEach(use -> {
                String[] parts = use.split("\\.");
                expectedConditional.addAll(ADAPTER_ACTIONS.get(parts[0]).get(parts[1]));
            });
            assertThat(conditional).as("actions granted to %s by inputs", function).isEqualTo(expectedConditional);
        }
    }

    @Test
    void noStatementAllowsAWildcardAction() {
        for (PolicyStatement statement : allStatements()) {
            for (String action : statement.actions()) {
                assertThat(action).as(statement.name()).matches("[a-z0-9-]+:[A-Za-z0-9*]+");
                if (action.contains("*")) {
                    assertThat(statement.effect()).as("%s: wildcard action %s", statement.name(), action)
                            .isEqualTo("Deny");
                    assertThat(WILDCARD_DENY_ALLOWED).contains(statement.name());
                }
            }
        }
    }

    @Test
    void aStarResourceAppearsOnlyWhereTheApiHasNoResourceLevelPermission() {
        Set<String> starStatements = new TreeSet<>();
        for (PolicyStatement statement : allStatements()) {
            if (statement.grantsEverything() && statement.effect().equals("Allow")
                    && !KEY_POLICIES.containsKey(statement.document())) {
                starStatements.add(statement.name());
            }
        }
        assertThat(starStatements).isEqualTo(STAR_RESOURCE_ALLOWED.keySet());
    }

    @Test
    void kmsForPublishingIsOnlyTheTopicsKeyAndOnlyThroughSns() {
        List<PolicyStatement> kms = PolicyStatement.of(Modules.AUTOREMEDIATE).stream()
                .filter(s -> s.document().equals("notify") && !s.conditional()
                        && s.actions().stream().anyMatch(a -> a.startsWith("kms:")))
                .toList();
        assertThat(kms).extracting(PolicyStatement::sid).containsExactly("EncryptEscalations");
        assertThat(kms.get(0).resources()).extracting(r -> r.source())
                .containsExactly("local.escalation_topic_kms_key_arn");
        var statement = Modules.AUTOREMEDIATE.data("aws_iam_policy_document", "notify").blocks("statement").stream()
                .filter(s -> s.required("sid").asString().equals("EncryptEscalations")).findFirst().orElseThrow();
        var condition = statement.blocks("condition").get(0);
        assertThat(condition.required("variable").asString()).isEqualTo("kms:ViaService");
        assertThat(condition.required("values").source()).isEqualTo("[\"sns.${local.region}.amazonaws.com\"]");
        // The key the Notify role may use is the key the topic is encrypted with: never the AWS managed
        // alias/aws/sns, whose policy cannot let EventBridge publish the backstop's notices.
        assertThat(Modules.AUTOREMEDIATE.resource("aws_sns_topic", "escalation").required("kms_master_key_id").source())
                .isEqualTo("local.escalation_topic_kms_key_arn");
        assertThat(Modules.AUTOREMEDIATE.local("escalation_topic_kms_key_arn").source()).isEqualTo(
                "local.create_escalation_topic_key ? aws_kms_key.escalation_topic[0].arn : var.escalation_topic_kms_key_arn");
    }

    @Test
    void keyPoliciesAreAttachedToTheirKeysAndGrantNoWildcard() {
        KEY_POLICIES.forEach((document, key) -> {
            var resource = Modules.AUTOREMEDIATE.resource("aws_kms_key", key);
            assertThat(resource.required("policy").source())
                    .isEqualTo("data.aws_iam_policy_document." + document + ".json");
            assertThat(resource.required("enable_key_rotation").source()).isEqualTo("true");
            for (PolicyStatement statement : PolicyStatement.of(Modules.AUTOREMEDIATE)) {
                if (statement.document().equals(document)) {
                    assertThat(statement.resources()).extracting(r -> r.source()).containsExactly("\"*\"");
                    assertThat(statement.effect()).isEqualTo("Allow");
                }
            }
        });
    }

    @Test
    void sendCommandIsLimitedToRunShellScriptAndTaggedInstances() {
        List<PolicyStatement> send = PolicyStatement.of(Modules.AUTOREMEDIATE).stream()
                .filter(s -> s.actions().contains("ssm:SendCommand")).toList();
        assertThat(send).extracting(PolicyStatement::sid)
                .containsExactlyInAnyOrder("RunShellScriptDocumentOnly", "TaggedInstancesOnly");
        assertThat(send.get(0).resources()).extracting(r -> r.source())
                .containsExactly("\"arn:${local.partition}:ssm:${local.region}::document/AWS-RunShellScript\"");
        var tagged = Modules.AUTOREMEDIATE.data("aws_iam_policy_document", "send_command").blocks("statement")
                .stream().filter(s -> s.required("sid").asString().equals("TaggedInstancesOnly")).findFirst()
                .orElseThrow();
        var condition = tagged.blocks("condition").get(0);
        assertThat(condition.required("variable").source()).isEqualTo("\"ssm:resourceTag/${var.target_tag_key}\"");
        assertThat(condition.required("values").source()).isEqualTo("[var.target_tag_value]");
    }

    @Test
    void stepFunctionsCallsNameOnlyTheRemediationStateMachine() {
        Map<String, String> expected = Map.of(
                // The guard is a step, so it cannot name the resource (a cycle); the built ARN is held to it below.
                "guard/ListOwnExecutions", "local.state_machine_arn",
                "intake/StartRemediations", "aws_sfn_state_machine.remediation.arn");
        Map<String, String> actual = new java.util.TreeMap<>();
        for (PolicyStatement statement : PolicyStatement.of(Modules.AUTOREMEDIATE)) {
            if (statement.actions().stream().anyMatch(action -> action.startsWith("states:"))) {
                actual.put(statement.name(), statement.resources().stream().map(r -> r.source())
                        .reduce((a, b) -> a + ", " + b).orElse(""));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(Modules.AUTOREMEDIATE.local("state_machine_arn").source()).isEqualTo(
                "\"arn:${local.partition}:states:${local.region}:${local.account}:stateMachine:${local.state_machine_name}\"");
        var machine = Modules.AUTOREMEDIATE.resource("aws_sfn_state_machine", "remediation");
        assertThat(machine.required("name").source()).isEqualTo("local.state_machine_name");
        assertThat(machine.blocks("lifecycle").get(0).blocks("postcondition").get(0).required("condition").source())
                .isEqualTo("self.arn == local.state_machine_arn");
    }

    @Test
    void pollCommandReadsOnlyTheOutputPrefixAndNothingWritesTheBucket() {
        var poll = PolicyStatement.of(Modules.AUTOREMEDIATE).stream()
                .filter(s -> s.name().equals("poll_command/ReadCommandOutput")).findFirst().orElseThrow();
        assertThat(poll.actions()).containsExactly("s3:GetObject");
        assertThat(poll.resources()).extracting(r -> r.source()).containsExactly("local.output_objects_arn");
        assertThat(Modules.AUTOREMEDIATE.local("output_objects_arn").source())
                .isEqualTo("\"${aws_s3_bucket.this.arn}/${var.output_prefix}*\"");
        for (PolicyStatement statement : PolicyStatement.of(Modules.AUTOREMEDIATE)) {
            if (statement.effect().equals("Allow")) {
                assertThat(statement.actions()).as(statement.name()).noneMatch(a -> a.startsWith("s3:Put")
                        || a.startsWith("s3:Delete"));
            }
        }
    }

    @Test
    void theInstanceMayPublishOnlyToItsNamespace() {
        var publish = Modules.INSTANCE_PROFILE.data("aws_iam_policy_document", "instance").blocks("statement")
                .stream().filter(s -> s.required("sid").asString().equals("PublishUptimeMetric")).findFirst()
                .orElseThrow();
        var condition = publish.blocks("condition").get(0);
        assertThat(condition.required("variable").asString()).isEqualTo("cloudwatch:namespace");
        assertThat(condition.required("test").asString()).isEqualTo("StringEquals");
    }

    private static List<PolicyStatement> allStatements() {
        List<PolicyStatement> all = new ArrayList<>(PolicyStatement.of(Modules.AUTOREMEDIATE));
        all.addAll(PolicyStatement.of(Modules.INSTANCE_PROFILE));
        all.addAll(PolicyStatement.of(Modules.EXAMPLE));
        return all;
    }

    /** AdapterWiring's factory methods to the adapter classes they construct (comma-separated). */
    private static Map<String, String> adapterFactories() {
        String wiring = AdapterCalls.read(
                Repository.resolve("functions/src/main/java/io/autoremediate/functions/wiring/AdapterWiring.java"));
        Map<String, String> factories = new java.util.HashMap<>();
        Matcher method = Pattern.compile("\\n    [\\w<>]+ (\\w+)\\(\\) \\{(.*?)\\n    }", Pattern.DOTALL).matcher(wiring);
        while (method.find()) {
            List<String> adapters = new ArrayList<>();
            Matcher construction = Pattern.compile("new (\\w+)\\(").matcher(method.group(2));
            while (construction.find()) {
                adapters.add(construction.group(1));
            }
            factories.put(method.group(1), String.join(",", adapters));
        }
        assertThat(factories).containsKeys("runbookStore", "commandRunner", "alarmStateReader", "notificationChannels",
                "executionStarter", "executionLedger");
        return factories;
    }
}

package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.TestJson;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandStatus;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.runbook.Runbook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SSM speaks AWS JSON 1.1: POST / with {@code X-Amz-Target: AmazonSSM.<Operation>}. */
class SsmCommandRunnerTest {

    @RegisterExtension
    static WireMockExtension ssm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String COMMAND_ID = "1a2b3c4d-1234-5678-9abc-def012345678";
    private static final String INSTANCE = "i-0123456789abcdef0";
    private static final String UNREACHABLE = "http://127.0.0.1:1";

    private SsmCommandRunner runner;

    @BeforeEach
    void setUp() {
        // S3 is only read for output longer than SSM returns inline; none of these tests has any.
        runner = new SsmCommandRunner(SdkClients.ssm(ssm.baseUrl()), SdkClients.s3(UNREACHABLE), "output-bucket",
                "command-output/");
    }

    @Test
    void sendCommandRunsTheRunbookWithAwsRunShellScriptAndReturnsTheCommandId() {
        stub("SendCommand", 200, """
                {"Command": {"CommandId": "%s", "DocumentName": "AWS-RunShellScript", "InstanceIds": ["%s"],
                 "Status": "Pending", "OutputS3BucketName": "output-bucket", "TimeoutSeconds": 600}}
                """.formatted(COMMAND_ID, INSTANCE));

        String commandId = runner.send(request(Map.of("ALARM_NAME", "cpu 'high'"), "systemctl restart web\n",
                "ALARM cpu-high on web-1", "incidents/abc/"));

        assertThat(commandId).isEqualTo(COMMAND_ID);
        JsonNode sent = sentBody("SendCommand");
        assertThat(sent.path("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
        assertThat(texts(sent.path("InstanceIds"))).containsExactly(INSTANCE);
        // The exports, then the runbook written verbatim to a file and run by its own interpreter
        // (RunbookLauncherTest runs this text in bash and dash).
        List<String> commands = texts(sent.path("Parameters").path("commands"));
        assertThat(commands).containsExactly("export ALARM_NAME='cpu '\\''high'\\'''",
                RunbookLauncher.command("systemctl restart web\n"));
        assertThat(commands.get(1)).contains("\nsystemctl restart web\n" + RunbookLauncher.DELIMITER + "\n");
        assertThat(texts(sent.path("Parameters").path("executionTimeout"))).containsExactly("300");
        assertThat(sent.path("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(sent.path("Comment").asText()).isEqualTo("ALARM cpu-high on web-1");
        assertThat(sent.path("OutputS3BucketName").asText()).isEqualTo("output-bucket");
        assertThat(sent.path("OutputS3KeyPrefix").asText()).isEqualTo("command-output/incidents/abc/");
    }

    @Test
    void longCommentIsCutToOneHundredCharactersOnOneLineWithoutSplittingAnEmoji() {
        stub("SendCommand", 200, "{\"Command\": {\"CommandId\": \"" + COMMAND_ID + "\"}}");
        // 18 + 80 characters put the first emoji across the cut at 99.
        String alarm = "a".repeat(80) + "🚨🚨 and more";

        runner.send(request(Map.of(), "true", "line one\nline two " + alarm, null));

        String comment = sentBody("SendCommand").path("Comment").asText();
        assertThat(comment).hasSizeLessThanOrEqualTo(100).startsWith("line one line two ").endsWith("…")
                .doesNotContain("\n");
        // A half emoji would not survive UTF-8 encoding unchanged.
        assertThat(new String(comment.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(comment);
    }

    @Test
    void sendCommandThrottledIsUnavailable() {
        stub("SendCommand", 400, "{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}");

        assertThatThrownBy(() -> runner.send(request(Map.of(), "true", "c", "p/")))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("SSM SendCommand on instance " + INSTANCE)
                .hasMessageContaining("ThrottlingException");
    }

    @Test
    void sendCommandAccessDeniedIsRefusedNamingThePermission() {
        stub("SendCommand", 400, """
                {"__type": "AccessDeniedException", "message": "User: arn:aws:sts::123456789012:assumed-role/fn is not
                 authorized to perform: ssm:SendCommand on resource: arn:aws:ec2:us-east-1:123456789012:instance/%s"}
                """.formatted(INSTANCE).replace("\n", ""));

        assertThatThrownBy(() -> runner.send(request(Map.of(), "true", "c", "p/")))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("AccessDeniedException")
                .hasMessageContaining("allows ssm:SendCommand on instance " + INSTANCE);
    }

    @Test
    void sendCommandToAnUnmanagedInstanceIsRefusedSayingWhatToCheck() {
        stub("SendCommand", 400, "{\"__type\": \"InvalidInstanceId\"}");

        assertThatThrownBy(() -> runner.send(request(Map.of(), "true", "c", "p/")))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("InvalidInstanceId")
                .hasMessageContaining("managed by SSM");
    }

    @Test
    void sendCommandServerErrorIsUnavailable() {
        stub("SendCommand", 500, "{\"__type\": \"InternalServerError\", \"message\": \"oops\"}");

        assertThatThrownBy(() -> runner.send(request(Map.of(), "true", "c", "p/")))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void unreachableEndpointIsUnavailable() {
        SsmCommandRunner unreachable = new SsmCommandRunner(SdkClients.ssm(UNREACHABLE), SdkClients.s3(UNREACHABLE),
                "b", "p/");

        assertThatThrownBy(() -> unreachable.send(request(Map.of(), "true", "c", "p/")))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("did not get an answer");
    }

    @Test
    void environmentThatCannotBeExportedIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> runner.send(request(Map.of("BAD-NAME", "v"), "true", "c", "p/")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ssm.getAllServeEvents()).isEmpty();
    }

    @Test
    void invocationNotYetKnownIsPending() {
        stub("GetCommandInvocation", 400, "{\"__type\": \"InvocationDoesNotExist\"}");

        CommandProgress progress = runner.progress(COMMAND_ID, INSTANCE);

        assertThat(progress.status()).isEqualTo(CommandStatus.PENDING);
        assertThat(progress.statusDetails()).isEqualTo("InvocationDoesNotExist");
        assertThat(progress.responseCode()).isEqualTo(-1);
        assertThat(progress.terminal()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CommandStatus.class)
    void everySsmStatusIsMapped(CommandStatus status) {
        stub("GetCommandInvocation", 200, invocation(status.ssmName(), "Detail of " + status.ssmName(), 0, "", ""));

        assertThat(runner.progress(COMMAND_ID, INSTANCE).status()).isEqualTo(status);
    }

    @Test
    void pollingOutputThatCameInlineNeverAsksForTheS3Client() {
        AtomicInteger asked = new AtomicInteger();
        SsmCommandRunner lazy = new SsmCommandRunner(SdkClients.ssm(ssm.baseUrl()), () -> {
            asked.incrementAndGet();
            return SdkClients.s3(UNREACHABLE);
        }, "output-bucket", "command-output/");
        stub("GetCommandInvocation", 200, invocation("Success", "Success", 0, "restarted\n", ""));

        assertThat(lazy.progress(COMMAND_ID, INSTANCE).outputTail()).isEqualTo("restarted\n");
        assertThat(asked).hasValue(0);
    }

    @Test
    void finishedInvocationCarriesExitCodeOutputTailsAndOutputUrl() {
        String longOutput = "x".repeat(5_000) + "\nlast line";
        stub("GetCommandInvocation", 200, invocation("Failed", "Failed", 3, longOutput, "disk full"));

        CommandProgress progress = runner.progress(COMMAND_ID, INSTANCE);

        assertThat(sentBody("GetCommandInvocation").path("CommandId").asText()).isEqualTo(COMMAND_ID);
        assertThat(sentBody("GetCommandInvocation").path("InstanceId").asText()).isEqualTo(INSTANCE);
        assertThat(progress.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(progress.statusDetails()).isEqualTo("Failed");
        assertThat(progress.responseCode()).isEqualTo(3);
        assertThat(progress.outputTail()).endsWith("\nlast line").hasSizeLessThan(longOutput.length());
        assertThat(progress.errorTail()).isEqualTo("disk full");
        assertThat(progress.outputUrl()).isEqualTo("https://s3.us-east-1.amazonaws.com/output-bucket/command-output/"
                + COMMAND_ID + "/" + INSTANCE + "/awsrunShellScript/0.awsrunShellScript/stdout");
    }

    @Test
    void pollThrottledIsUnavailable() {
        stub("GetCommandInvocation", 400, "{\"__type\": \"ThrottlingException\", \"message\": \"Rate exceeded\"}");

        assertThatThrownBy(() -> runner.progress(COMMAND_ID, INSTANCE))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("GetCommandInvocation on command " + COMMAND_ID);
    }

    @Test
    void pollAccessDeniedIsRefusedNamingThePermission() {
        stub("GetCommandInvocation", 400, "{\"__type\": \"AccessDeniedException\", \"message\": \"denied\"}");

        assertThatThrownBy(() -> runner.progress(COMMAND_ID, INSTANCE))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("ssm:GetCommandInvocation");
    }

    private static String invocation(String status, String details, int code, String out, String err) {
        return TestJson.write(Map.of(
                "CommandId", COMMAND_ID,
                "InstanceId", INSTANCE,
                "DocumentName", "AWS-RunShellScript",
                "PluginName", "aws:runShellScript",
                "Status", status,
                "StatusDetails", details,
                "ResponseCode", code,
                "StandardOutputContent", out,
                "StandardErrorContent", err,
                "StandardOutputUrl", "https://s3.us-east-1.amazonaws.com/output-bucket/command-output/" + COMMAND_ID
                        + "/" + INSTANCE + "/awsrunShellScript/0.awsrunShellScript/stdout"));
    }

    private static CommandRequest request(Map<String, String> env, String script, String comment, String prefix) {
        Runbook runbook = Runbook.of("cpu-high.sh", "s3://b/runbooks/cpu-high.sh", "v1",
                script.getBytes(StandardCharsets.UTF_8));
        return new CommandRequest(INSTANCE, runbook, env, Duration.ofMinutes(5), comment, prefix);
    }

    private static void stub(String operation, int status, String body) {
        ssm.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation))
                .willReturn(aResponse().withStatus(status)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withHeader("x-amzn-RequestId", "req-1")
                        .withBody(body)));
    }

    private static JsonNode sentBody(String operation) {
        var requests = ssm.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation)));
        assertThat(requests).hasSize(1);
        try {
            return TestJson.MAPPER.readTree(requests.get(0).getBodyAsString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}

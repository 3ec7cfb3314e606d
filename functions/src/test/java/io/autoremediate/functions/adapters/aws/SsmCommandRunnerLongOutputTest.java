package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandStatus;
import io.autoremediate.functions.TestJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Output longer than GetCommandInvocation returns: SSM (WireMock) gives the head and the object's URL, the
 * agent's full copy sits in a real S3 endpoint (S3Mock), and the runner reads its tail with a ranged GET.
 */
class SsmCommandRunnerLongOutputTest {

    @RegisterExtension
    static WireMockExtension ssm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PREFIX = "command-output/";
    private static final String INCIDENT = "webapp-uptime/20240102T030405Z/attempt-1";
    private static final String INSTANCE = "i-0123456789abcdef0";
    private static S3Client s3;
    private static String bucket;

    private final String commandId = UUID.randomUUID().toString();

    @BeforeAll
    static void startS3() {
        s3 = S3MockServer.shared().client();
        bucket = "command-output-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
    }

    private SsmCommandRunner runner() {
        return new SsmCommandRunner(SdkClients.ssm(ssm.baseUrl()), s3, bucket, PREFIX);
    }

    @Test
    void longStandardOutputEndsWithTheLastLinesFromS3() {
        String full = lines("progress line", 2_000) + "FATAL: disk /var is full\n";
        uploadOutput("stdout", full);
        stubInvocation("Failed", headOf(full, SsmOutputTail.STDOUT_INLINE_LIMIT), "short error");

        CommandProgress progress = runner().progress(commandId, INSTANCE);

        assertThat(progress.status()).isEqualTo(CommandStatus.FAILED);
        assertThat(progress.outputTail()).endsWith("progress line 1999\nFATAL: disk /var is full\n")
                .startsWith("…").doesNotContain("autoremediate:");
        assertThat(progress.errorTail()).isEqualTo("short error");
    }

    @Test
    void longStandardErrorIsReadFromItsOwnObject() {
        String fullError = lines("warning", 1_000) + "error: giving up\n";
        uploadOutput("stderr", fullError);
        stubInvocation("Failed", "done", headOf(fullError, SsmOutputTail.STDERR_INLINE_LIMIT));

        CommandProgress progress = runner().progress(commandId, INSTANCE);

        assertThat(progress.errorTail()).endsWith("warning 999\nerror: giving up\n");
        assertThat(progress.outputTail()).isEqualTo("done");
    }

    @Test
    void rangeThatStartsInsideAMultiByteCharacterDecodesCleanly() {
        // Three-byte characters after one ASCII byte: the last TAIL_BYTES bytes start mid-character.
        String full = "x" + "€".repeat(12_000) + "\nend\n";
        uploadOutput("stdout", full);
        stubInvocation("Success", headOf(full, SsmOutputTail.STDOUT_INLINE_LIMIT), "");

        String tail = runner().progress(commandId, INSTANCE).outputTail();

        assertThat(tail).endsWith("€€€\nend\n").doesNotContain("\uFFFD");
    }

    @Test
    void outputNotYetInS3KeepsTheHeadAndSaysWhatToCheck() {
        String full = lines("line", 3_000);
        stubInvocation("Success", headOf(full, SsmOutputTail.STDOUT_INLINE_LIMIT), "");

        CommandProgress progress = runner().progress(commandId, INSTANCE);

        assertThat(progress.status()).isEqualTo(CommandStatus.SUCCESS);
        assertThat(progress.outputTail())
                .contains("its end could not be read from s3://" + bucket + "/" + PREFIX + INCIDENT + "/" + commandId)
                .contains("NoSuchKey")
                .contains("s3:PutObject");
    }

    @Test
    void urlOutsideTheOutputBucketIsNotFollowed() {
        String full = lines("line", 3_000);
        uploadOutput("stdout", full);
        stubInvocation("Success", headOf(full, SsmOutputTail.STDOUT_INLINE_LIMIT), "",
                "https://s3.us-east-1.amazonaws.com/somebody-elses-bucket/" + PREFIX + INCIDENT + "/" + commandId + "/"
                        + INSTANCE + "/awsrunShellScript/0.awsrunShellScript/stdout");

        String tail = runner().progress(commandId, INSTANCE).outputTail();

        assertThat(tail).contains("does not point under s3://" + bucket + "/" + PREFIX).doesNotContain("line 2999");
    }

    private static String lines(String text, int count) {
        return IntStream.range(0, count).mapToObj(i -> text + " " + i + "\n").collect(Collectors.joining());
    }

    /** What the agent keeps inline: the first {@code limit} bytes, cut wherever they end. */
    private static String headOf(String full, int limit) {
        byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).as("the test output must be longer than SSM returns").isGreaterThan(limit);
        return new String(bytes, 0, limit, StandardCharsets.UTF_8);
    }

    private String key(String stream) {
        return PREFIX + INCIDENT + "/" + commandId + "/" + INSTANCE + "/awsrunShellScript/0.awsrunShellScript/" + stream;
    }

    private void uploadOutput(String stream, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key(stream)), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    private void stubInvocation(String status, String out, String err) {
        stubInvocation(status, out, err, "https://s3.us-east-1.amazonaws.com/" + bucket + "/" + key("stdout"));
    }

    private void stubInvocation(String status, String out, String err, String outUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CommandId", commandId);
        body.put("InstanceId", INSTANCE);
        body.put("DocumentName", "AWS-RunShellScript");
        body.put("PluginName", "aws:runShellScript");
        body.put("Status", status);
        body.put("StatusDetails", status);
        body.put("ResponseCode", "Success".equals(status) ? 0 : 1);
        body.put("StandardOutputContent", out);
        body.put("StandardErrorContent", err);
        body.put("StandardOutputUrl", outUrl);
        // Virtual-hosted style, as some regions write it.
        body.put("StandardErrorUrl", "https://" + bucket + ".s3.us-east-1.amazonaws.com/" + key("stderr"));
        ssm.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetCommandInvocation"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(TestJson.write(body))));
    }
}

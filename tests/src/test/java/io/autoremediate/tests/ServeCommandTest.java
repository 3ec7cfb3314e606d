package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.runtime.RemediationFunction;
import io.autoremediate.local.sfn.StepFunctionsServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code ./autoremediate serve} as a user runs it: the built jar in its own JVM, driven by the SDK's
 * SfnClient, killed with SIGKILL while an incident waits for approval, started again on the same data folder,
 * and answered with {@code ./autoremediate approve}.
 */
class ServeCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("Step Functions API on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FAST = """
            {"pauseBetweenAttemptsSeconds": 0, "pollIntervalSeconds": 1, "recoveryCheckIntervalSeconds": 0,
             "maxRecoveryChecks": 1, "maxAttempts": 1}""";

    @TempDir
    Path dir;

    private Process serve;

    @AfterEach
    void stop() {
        if (serve != null) {
            serve.destroyForcibly();
        }
    }

    @Test
    void anIncidentWaitingForApprovalSurvivesAKilledServeAndRunsOnceApproved() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
        Path runs = dir.resolve("runs");
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"),
                "# autoremediate: approval=required\necho ran >> '" + runs + "'\n");
        Path data = dir.resolve("data");

        URI endpoint = startServe(runbooks, data);
        String executionArn;
        try (SfnClient sfn = client(endpoint)) {
            String machine = sfn.createStateMachine(r -> r.name("autoremediate-remediation")
                    .definition(LocalRuntime.bundledTemplate().fill(serveArns()))
                    .roleArn("arn:aws:iam::123456789012:role/autoremediate")).stateMachineArn();
            String input = "{\"event\": " + LocalJson.write(Workflow.fixture("single-metric-alarm.json"))
                    + ", \"settings\": " + FAST + "}";
            executionArn = sfn.startExecution(r -> r.stateMachineArn(machine).name("webapp-uptime-incident")
                    .input(input)).executionArn();
        }
        String token = awaitApprovalToken(data.resolve("notifications.jsonl"));
        // The request is sent before the engine records that the execution waits; killed in between, serve would
        // ask again on restart with a new token and refuse this one: another scenario than the one tested here.
        awaitJournaledWait(data);

        serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(runs).as("nothing ran before approval").doesNotExist();

        endpoint = startServe(runbooks, data);
        Cli.Run approve = Cli.run(dir, "approve", token, "--endpoint", endpoint.toString());
        assertThat(approve.exitCode()).as(approve.stderr()).isZero();

        try (SfnClient sfn = client(endpoint)) {
            DescribeExecutionResponse ended = awaitEnd(sfn, executionArn);
            assertThat(ended.status()).as("%s: %s", ended.error(), ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(LocalJson.MAPPER.readTree(ended.output()).path("approval").path("approved").asBoolean()).isTrue();
        }
        assertThat(Files.readAllLines(runs)).as("the runbook ran exactly once").containsExactly("ran");
    }

    private URI startServe(Path runbooks, Path data) throws IOException {
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Cli.JAR.toString(), "serve", "--port", "0", "--runbooks", runbooks.toString(), "--data-dir",
                data.toString())
                .directory(dir.toFile()).redirectError(dir.resolve("serve-stderr.txt").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new AssertionError("serve ended without announcing its endpoint: "
                + Files.readString(dir.resolve("serve-stderr.txt")));
    }

    private static Map<String, String> serveArns() {
        Map<String, String> arns = new LinkedHashMap<>();
        for (RemediationFunction function : RemediationFunction.values()) {
            arns.put(function.placeholder(), "arn:aws:lambda:" + StepFunctionsServer.DEFAULT_REGION + ":"
                    + StepFunctionsServer.DEFAULT_ACCOUNT + ":function:" + function.functionName());
        }
        return arns;
    }

    private static SfnClient client(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String awaitApprovalToken(Path notices) {
        return await("an approval request in " + notices).atMost(PATIENCE)
                .until(() -> approvalToken(notices), Optional::isPresent).orElseThrow();
    }

    private static Optional<String> approvalToken(Path notices) throws IOException {
        if (Files.exists(notices)) {
            List<String> lines = Files.readAllLines(notices);
            for (String line : lines) {
                JsonNode notice = LocalJson.MAPPER.readTree(line);
                List<String> approve = notice.findValuesAsText("Approve");
                if (!approve.isEmpty()) {
                    return Optional.of(approve.get(0).split("\\s+")[2]);
                }
            }
        }
        return Optional.empty();
    }

    /** Until an execution's journal under {@code data} holds its TaskSubmitted: the wait is on disk. */
    private static void awaitJournaledWait(Path data) {
        await("a journal under " + data + " records the wait for approval").atMost(PATIENCE).until(() -> {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path journal : files.filter(f -> f.toString().endsWith(".journal")).toList()) {
                    if (Files.readString(journal).contains("\"TaskSubmitted\"")) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn) {
        return await(executionArn + " closed").atMost(PATIENCE)
                .until(() -> sfn.describeExecution(r -> r.executionArn(executionArn)),
                        execution -> execution.status() != ExecutionStatus.RUNNING);
    }
}

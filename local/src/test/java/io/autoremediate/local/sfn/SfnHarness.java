package io.autoremediate.local.sfn;

import static org.awaitility.Awaitility.await;

import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.functions.ExecutableFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A server on a free port and a real SDK client pointed at it, as a user would configure one. */
final class SfnHarness implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::123456789012:role/autoremediate-local";

    final StepFunctionsServer server;
    final SfnClient sfn;

    SfnHarness(Path dataDir, Path runbooks, Map<String, Path> executables) throws IOException {
        Map<String, LambdaFunction> functions = new java.util.LinkedHashMap<>();
        executables.forEach((name, executable) -> functions.put(name, new ExecutableFunction(executable)));
        server = StepFunctionsServer.start(new StepFunctionsServer.Options(0, dataDir, runbooks, functions,
                StepFunctionsServer.DEFAULT_REGION, StepFunctionsServer.DEFAULT_ACCOUNT, 16,
                new PrintStream(PrintStream.nullOutputStream())));
        sfn = SfnClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    String createStateMachine(String name, String definition) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    /** Polls DescribeExecution until the execution has closed; fails after {@code timeout}. */
    DescribeExecutionResponse awaitEnd(String executionArn, Duration timeout) {
        return await(executionArn + " closed").atMost(timeout)
                .until(() -> sfn.describeExecution(r -> r.executionArn(executionArn)),
                        execution -> execution.status() != ExecutionStatus.RUNNING);
    }

    static Path script(Path dir, String name, String body) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
    }
}

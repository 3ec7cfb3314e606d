package io.autoremediate.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * The naive baseline for each handler's cold start: the same AWS calls as the handler, written the way the SDK's
 * getting-started pages do, with {@code XxxClient.create()} (default region and credentials chains, the default
 * HTTP client found on the classpath: Apache 5 and Netty, as the service artifacts bring them). The endpoint
 * comes from {@code AWS_ENDPOINT_URL}, which the SDK reads itself; S3 only adds path-style addressing, which
 * a local endpoint needs. Run in a fresh JVM, one handler per process, like {@link LambdaLikeRunner}.
 *
 * <p>Usage: {@code NaiveBaseline HANDLER_SIMPLE_NAME EVENT_FILE}
 */
public final class NaiveBaseline {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NaiveBaseline() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode event = MAPPER.readTree(Files.readAllBytes(Path.of(args[1])));
        ObjectNode response = MAPPER.createObjectNode();
        String bucket = System.getenv("RUNBOOK_BUCKET");
        switch (args[0]) {
            case "ResolveScriptHandler" -> {
                String alarm = event.path("event").path("detail").path("alarmName").asText();
                response.put("sha256", runbookSha256(bucket, "runbooks/" + alarm + ".sh"));
            }
            case "SendCommandHandler" -> {
                runbookSha256(bucket, "runbooks/" + event.path("runbook").path("key").asText());
                try (SsmClient ssm = SsmClient.create()) {
                    response.put("commandId", ssm.sendCommand(b -> b.documentName("AWS-RunShellScript")
                            .instanceIds(event.path("incident").path("instanceId").asText())
                            .parameters(java.util.Map.of("commands", java.util.List.of("bash runbook.sh"))))
                            .command().commandId());
                }
            }
            case "PollCommandHandler" -> {
                try (SsmClient ssm = SsmClient.create()) {
                    GetCommandInvocationResponse invocation = ssm.getCommandInvocation(b -> b
                            .commandId(event.path("commandId").asText()).instanceId(event.path("instanceId").asText()));
                    response.put("status", invocation.statusAsString());
                }
            }
            case "CheckAlarmHandler" -> {
                try (CloudWatchClient cloudWatch = CloudWatchClient.create()) {
                    MetricAlarm alarm = cloudWatch.describeAlarms(b -> b.alarmNames(event.path("alarmName").asText()))
                            .metricAlarms().get(0);
                    response.put("state", alarm.stateValueAsString());
                }
            }
            case "NotifyHandler" -> {
                try (SnsClient sns = SnsClient.create()) {
                    response.put("messageId", sns.publish(b -> b.topicArn(System.getenv("SNS_TOPIC_ARN"))
                            .subject("Escalated").message(event.toString())).messageId());
                }
            }
            case "GuardHandler" -> {
                try (SfnClient sfn = SfnClient.create()) {
                    response.put("running", sfn.listExecutions(b -> b
                            .stateMachineArn(System.getenv("STATE_MACHINE_ARN")).statusFilter("RUNNING"))
                            .executions().size());
                }
            }
            case "IntakeHandler" -> {
                try (SfnClient sfn = SfnClient.create()) {
                    response.put("executionArn", sfn.startExecution(b -> b
                            .stateMachineArn(System.getenv("STATE_MACHINE_ARN")).name(event.path("id").asText())
                            .input(event.toString())).executionArn());
                }
            }
            default -> throw new IllegalArgumentException("no baseline for handler " + args[0]);
        }
        System.out.println(MAPPER.writeValueAsString(response));
        System.out.flush();
    }

    private static String runbookSha256(String bucket, String key) throws Exception {
        try (S3Client s3 = S3Client.builder().forcePathStyle(true).build()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(object.asByteArray()));
        }
    }
}

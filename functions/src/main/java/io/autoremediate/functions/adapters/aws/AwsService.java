package io.autoremediate.functions.adapters.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The AWS services the functions call, each with the operations the adapters make, called the same way, for
 * {@link Priming}. The requests name nothing real: they only go to an HTTP client that answers from memory
 * with {@link #cannedResponse()}, a minimal valid body in the service's protocol, and {@link #cannedHeaders()}.
 */
enum AwsService {

    /** REST-XML; GetObject's body is the object itself, its metadata in headers (the date parsed as in RFC 1123). */
    S3("#!/bin/sh\n") {
        @Override
        Map<String, String> cannedHeaders() {
            return Map.of("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT", "ETag", "\"0cc175b9c0f1b6a831c399e269772661\"",
                    "x-amz-version-id", "priming", "Content-Type", "text/x-sh");
        }

        @Override
        void call(AwsClients clients) {
            try (InputStream object = clients.s3().getObject(b -> b.bucket(Fake.BUCKET).key("runbooks/priming.sh"))) {
                object.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    /** AWS JSON 1.1; one body answers the three calls, each reading its own fields (timestamps included). */
    SSM("{\"Command\": {\"CommandId\": \"" + Fake.COMMAND + "\", \"Status\": \"Pending\","
            + " \"RequestedDateTime\": 1.7E9}, \"Status\": \"Success\", \"StatusDetails\": \"Success\","
            + " \"ResponseCode\": 0, \"StandardOutputContent\": \"ok\","
            + " \"Parameter\": {\"Name\": \"p\", \"Value\": \"v\"}}") {
        @Override
        void call(AwsClients clients) {
            clients.ssm().sendCommand(b -> b.documentName("AWS-RunShellScript").instanceIds(Fake.INSTANCE)
                    .parameters(Map.of("commands", List.of("true"), "executionTimeout", List.of("60")))
                    .timeoutSeconds(600).comment("priming").outputS3BucketName(Fake.BUCKET).outputS3KeyPrefix("p/"));
            clients.ssm().getCommandInvocation(b -> b.commandId(Fake.COMMAND).instanceId(Fake.INSTANCE));
            clients.ssm().getParameter(b -> b.name("/autoremediate/priming").withDecryption(true));
        }
    },
    /** Smithy RPC v2 CBOR: {@code 0xA0} is the empty map. */
    CLOUDWATCH(new byte[] {(byte) 0xA0}) {
        @Override
        void call(AwsClients clients) {
            clients.cloudWatch().describeAlarms(b -> b.alarmNames("priming")
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM));
        }
    },
    /** AWS query: form-encoded request, XML answer. */
    SNS("<PublishResponse><PublishResult><MessageId>priming</MessageId></PublishResult></PublishResponse>") {
        @Override
        void call(AwsClients clients) {
            clients.sns().publish(b -> b.topicArn(Fake.ARN_PREFIX.replace(":states:", ":sns:") + "priming")
                    .subject("priming").message("priming"));
        }
    },
    /** AWS JSON 1.0; one body answers both calls, timestamps included. */
    SFN("{\"executionArn\": \"" + Fake.ARN_PREFIX + "execution:priming:p\", \"startDate\": 1.7E9, \"executions\": [{"
            + "\"executionArn\": \"" + Fake.ARN_PREFIX + "execution:priming:p\","
            + " \"stateMachineArn\": \"" + Fake.ARN_PREFIX + "stateMachine:priming\", \"name\": \"p\","
            + " \"status\": \"RUNNING\", \"startDate\": 1.7E9}]}") {
        @Override
        void call(AwsClients clients) {
            String stateMachine = Fake.ARN_PREFIX + "stateMachine:priming";
            clients.sfn().startExecution(b -> b.stateMachineArn(stateMachine).name("priming").input("{}"));
            clients.sfn().listExecutions(b -> b.stateMachineArn(stateMachine).statusFilter(ExecutionStatus.RUNNING)
                    .maxResults(100));
        }
    },
    /** AWS JSON 1.1. */
    SECRETS_MANAGER("{\"Name\": \"autoremediate/priming\", \"SecretString\": \"priming\"}") {
        @Override
        void call(AwsClients clients) {
            clients.secretsManager().getSecretValue(b -> b.secretId("autoremediate/priming"));
        }
    };

    private final byte[] cannedResponse;

    AwsService(String cannedResponse) {
        this(cannedResponse.getBytes(StandardCharsets.UTF_8));
    }

    AwsService(byte[] cannedResponse) {
        this.cannedResponse = cannedResponse;
    }

    /** Makes the adapters' calls to this service through {@code clients}, whose HTTP client must be canned. */
    abstract void call(AwsClients clients);

    byte[] cannedResponse() {
        return cannedResponse.clone();
    }

    /** The canned answer's headers besides its length; none but where the adapters read some. */
    Map<String, String> cannedHeaders() {
        return Map.of();
    }

    /** Names of nothing real, in the requests and canned answers (a holder: constants can't precede them). */
    private static final class Fake {
        static final String BUCKET = "autoremediate-priming";
        static final String INSTANCE = "i-00000000000000000";
        static final String COMMAND = "00000000-0000-0000-0000-000000000000";
        static final String ARN_PREFIX = "arn:aws:states:us-east-1:000000000000:";
    }
}

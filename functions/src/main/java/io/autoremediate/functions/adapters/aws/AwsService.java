package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationFailedException;
import io.autoremediate.functions.runbook.Runbook;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The AWS services the functions call. For {@link Priming}, each knows a minimal valid answer in its protocol
 * ({@link #cannedResponse()}, {@link #cannedHeaders()}) and calls the adapters that use it, the production
 * classes on clients whose HTTP client gives that answer: the requests are the adapters' own, so priming cannot
 * drift from what a function sends. The arguments name nothing real.
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
        void callAdapters(AwsClients twin) {
            check(new S3RunbookStore(twin.s3(), Fake.BUCKET, "runbooks/").find("priming.sh").isPresent(),
                    "S3RunbookStore found the runbook");
        }
    },
    /** AWS JSON 1.1; one body answers the three calls, each reading its own fields (timestamps included). */
    SSM("{\"Command\": {\"CommandId\": \"" + Fake.COMMAND + "\", \"Status\": \"Pending\","
            + " \"RequestedDateTime\": 1.7E9}, \"Status\": \"Success\", \"StatusDetails\": \"Success\","
            + " \"ResponseCode\": 0, \"StandardOutputContent\": \"ok\","
            + " \"Parameter\": {\"Name\": \"p\", \"Value\": \"v\"}}") {
        @Override
        void callAdapters(AwsClients twin) {
            SsmCommandRunner runner = new SsmCommandRunner(twin.ssm(), twin::s3, Fake.BUCKET, "command-output/");
            Runbook runbook = Runbook.of("priming.sh", "s3://" + Fake.BUCKET + "/runbooks/priming.sh", "priming",
                    "#!/bin/sh\ntrue\n".getBytes(StandardCharsets.UTF_8));
            String commandId = runner.send(new CommandRequest(Fake.INSTANCE, runbook,
                    Map.of("AUTOREMEDIATE_ALARM_NAME", "priming"), Duration.ofMinutes(1), "priming", "priming/"));
            check(commandId.equals(Fake.COMMAND), "SsmCommandRunner.send answered the command id");
            check(runner.progress(commandId, Fake.INSTANCE).outputTail().equals("ok"),
                    "SsmCommandRunner.progress read the output");
            check(new ParameterStoreSecrets(twin.ssm()).read("/autoremediate/priming").equals("v"),
                    "ParameterStoreSecrets read the parameter");
        }
    },
    /** Smithy RPC v2 CBOR: one metric alarm, its timestamp as tag 1 around seconds as a double. */
    CLOUDWATCH(Cbor.METRIC_ALARM) {
        @Override
        void callAdapters(AwsClients twin) {
            check(new CloudWatchAlarmStateReader(twin.cloudWatch()).read("priming").state() == AlarmState.OK,
                    "CloudWatchAlarmStateReader read the alarm's state");
        }
    },
    /** AWS query: form-encoded request, XML answer. */
    SNS("<PublishResponse><PublishResult><MessageId>priming</MessageId></PublishResult></PublishResponse>") {
        @Override
        void callAdapters(AwsClients twin) {
            Notice notice = new Notice(NoticeKind.ESCALATION, "priming", null, "priming", "priming", Map.of());
            try {
                check(new SnsNotificationChannel(twin.sns(), Fake.ARN_PREFIX.replace(":states:", ":sns:") + "priming")
                        .deliver(notice).equals("priming"), "SnsNotificationChannel published");
            } catch (NotificationFailedException e) {
                throw new IllegalStateException("SnsNotificationChannel failed: " + e.getMessage(), e);
            }
        }
    },
    /** AWS JSON 1.0; one body answers both calls, timestamps included. */
    SFN("{\"executionArn\": \"" + Fake.ARN_PREFIX + "execution:priming:p\", \"startDate\": 1.7E9, \"executions\": [{"
            + "\"executionArn\": \"" + Fake.ARN_PREFIX + "execution:priming:p\","
            + " \"stateMachineArn\": \"" + Fake.ARN_PREFIX + "stateMachine:priming\", \"name\": \"p\","
            + " \"status\": \"RUNNING\", \"startDate\": 1.7E9}]}") {
        @Override
        void callAdapters(AwsClients twin) {
            String stateMachine = Fake.ARN_PREFIX + "stateMachine:priming";
            check(!new SfnExecutionStarter(twin.sfn(), stateMachine).start("p", "{}").duplicate(),
                    "SfnExecutionStarter started the execution");
            SfnExecutionLedger ledger = new SfnExecutionLedger(twin.sfn(), stateMachine, Clock.systemUTC());
            check(ledger.running().size() == 1, "SfnExecutionLedger listed the running execution");
            check(ledger.startedSince(Instant.EPOCH).size() == 1, "SfnExecutionLedger listed the recent execution");
        }
    },
    /** AWS JSON 1.1. */
    SECRETS_MANAGER("{\"Name\": \"autoremediate/priming\", \"SecretString\": \"priming\"}") {
        @Override
        void callAdapters(AwsClients twin) {
            check(new SecretsManagerSecrets(twin.secretsManager()).read("autoremediate/priming").equals("priming"),
                    "SecretsManagerSecrets read the secret");
        }
    };

    private final byte[] cannedResponse;

    AwsService(String cannedResponse) {
        this(cannedResponse.getBytes(StandardCharsets.UTF_8));
    }

    AwsService(byte[] cannedResponse) {
        this.cannedResponse = cannedResponse;
    }

    /**
     * Calls every adapter of this service through {@code twin}, whose HTTP client must answer
     * {@link #cannedResponse()}; throws if an adapter does not read the answer as a function's first request
     * would, since then priming would run another path than that request.
     */
    abstract void callAdapters(AwsClients twin);

    byte[] cannedResponse() {
        return cannedResponse.clone();
    }

    /** The canned answer's headers besides its length; none but where the adapters read some. */
    Map<String, String> cannedHeaders() {
        return Map.of();
    }

    private static void check(boolean answered, String what) {
        if (!answered) {
            throw new IllegalStateException("priming expected: " + what);
        }
    }

    /** Names of nothing real, in the requests and canned answers (a holder: constants can't precede them). */
    private static final class Fake {
        static final String BUCKET = "autoremediate-priming";
        static final String INSTANCE = "i-00000000000000000";
        static final String COMMAND = "00000000-0000-0000-0000-000000000000";
        static final String ARN_PREFIX = "arn:aws:states:us-east-1:000000000000:";
    }

    /** The CloudWatch answer, written out: the functions' jar has no CBOR library, and needs none but here. */
    private static final class Cbor {
        static final byte[] METRIC_ALARM = metricAlarm();

        private static byte[] metricAlarm() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0xA1); // a map of one entry
            text(out, "MetricAlarms");
            out.write(0x81); // an array of one item
            out.write(0xA4); // a map of four entries
            text(out, "AlarmName");
            text(out, "priming");
            text(out, "StateValue");
            text(out, "OK");
            text(out, "StateReason");
            text(out, "priming");
            text(out, "StateUpdatedTimestamp");
            out.write(0xC1); // tag 1, epoch-based date and time
            out.write(0xFB); // a double: 1.7E9 seconds
            long bits = Double.doubleToLongBits(1.7E9);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
            return out.toByteArray();
        }

        /** A text string shorter than 24 bytes: its length is in the head byte. */
        private static void text(ByteArrayOutputStream out, String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.write(0x60 | utf8.length);
            out.writeBytes(utf8);
        }
    }
}

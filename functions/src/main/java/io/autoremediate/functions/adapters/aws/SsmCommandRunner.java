package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.command.CommandProgress;
import io.autoremediate.functions.command.CommandRequest;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.command.CommandStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/**
 * Runs runbooks with SSM Run Command ({@code AWS-RunShellScript}) and polls them with GetCommandInvocation.
 * The incident reaches the script only as single-quoted {@code export} lines written ahead of it. Output
 * longer than GetCommandInvocation returns is read from the copy the agent writes to the output bucket.
 */
public final class SsmCommandRunner implements CommandRunner {

    static final String DOCUMENT = "AWS-RunShellScript";
    /** How long SSM may try to reach an offline agent before it gives up with "Delivery Timed Out". */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    /** SendCommand's limit on Comment. */
    static final int COMMENT_MAX = 100;
    /** AWS-RunShellScript's executionTimeout range, in seconds. */
    static final long EXECUTION_TIMEOUT_MAX_SECONDS = 172_800;
    /** SendCommand's TimeoutSeconds range. */
    static final long DELIVERY_TIMEOUT_MIN_SECONDS = 30;

    private static final String PERMISSION_SEND = "ssm:SendCommand";
    private static final String PERMISSION_GET = "ssm:GetCommandInvocation";
    private static final String INSTANCE_ADVICE = "check that the instance exists, is running and is managed "
            + "by SSM (agent online, instance profile with AmazonSSMManagedInstanceCore)";

    private final SsmClient ssm;
    private final Supplier<S3Client> s3;
    private final SsmOutputTail tails;
    private final String outputBucket;
    private final String outputPrefix;
    private final Duration deliveryTimeout;

    /** @param s3 reads the end of long output from {@code outputBucket} (the function needs s3:GetObject there) */
    public SsmCommandRunner(SsmClient ssm, S3Client s3, String outputBucket, String outputPrefix) {
        this(ssm, s3, outputBucket, outputPrefix, DEFAULT_DELIVERY_TIMEOUT);
    }

    public SsmCommandRunner(SsmClient ssm, S3Client s3, String outputBucket, String outputPrefix,
            Duration deliveryTimeout) {
        this(ssm, supplierOf(Objects.requireNonNull(s3, "s3")), outputBucket, outputPrefix, deliveryTimeout);
    }

    /**
     * @param s3 asked for the S3 client only when output is too long to come inline, so that polling, which
     *           rarely needs it, does not build one at cold start
     */
    public SsmCommandRunner(SsmClient ssm, Supplier<S3Client> s3, String outputBucket, String outputPrefix) {
        this(ssm, s3, outputBucket, outputPrefix, DEFAULT_DELIVERY_TIMEOUT);
    }

    private SsmCommandRunner(SsmClient ssm, Supplier<S3Client> s3, String outputBucket, String outputPrefix,
            Duration deliveryTimeout) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.outputBucket = Objects.requireNonNull(outputBucket, "outputBucket");
        this.outputPrefix = outputPrefix == null ? "" : outputPrefix;
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.tails = new SsmOutputTail(this.outputBucket, this.outputPrefix);
        this.deliveryTimeout = Objects.requireNonNull(deliveryTimeout, "deliveryTimeout");
        if (deliveryTimeout.toSeconds() < DELIVERY_TIMEOUT_MIN_SECONDS) {
            throw new IllegalArgumentException("SSM delivery timeout must be at least "
                    + DELIVERY_TIMEOUT_MIN_SECONDS + " s, got " + deliveryTimeout);
        }
    }

    private static Supplier<S3Client> supplierOf(S3Client s3) {
        return () -> s3;
    }

    @Override
    public String send(CommandRequest request) {
        SendCommandRequest sendCommand = SendCommandRequest.builder()
                .documentName(DOCUMENT)
                .instanceIds(request.instanceId())
                .parameters(Map.of(
                        "commands", commands(request),
                        "executionTimeout", List.of(Long.toString(executionTimeoutSeconds(request)))))
                .timeoutSeconds((int) deliveryTimeout.toSeconds())
                .comment(comment(request.comment()))
                .outputS3BucketName(outputBucket)
                .outputS3KeyPrefix(outputPrefix + (request.outputKeyPrefix() == null ? "" : request.outputKeyPrefix()))
                .build();
        AwsCall call = AwsCall.of("SSM", "SendCommand", "instance " + request.instanceId(), PERMISSION_SEND)
                .withHint("InvalidInstanceId", INSTANCE_ADVICE)
                .withHint("InvalidDocument", "check that the document " + DOCUMENT + " is available in the region");
        try {
            return ssm.sendCommand(sendCommand).command().commandId();
        } catch (SdkException e) {
            throw AwsFailures.translate(call, e);
        }
    }

    @Override
    public CommandProgress progress(String commandId, String instanceId) {
        GetCommandInvocationResponse invocation;
        try {
            invocation = ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(instanceId));
        } catch (InvocationDoesNotExistException e) {
            // Right after SendCommand, SSM answers this for a few seconds: it means "not yet", not "never".
            return new CommandProgress(commandId, instanceId, CommandStatus.PENDING, "InvocationDoesNotExist",
                    -1, "", "", null, 0);
        } catch (SdkException e) {
            AwsCall call = AwsCall.of("SSM", "GetCommandInvocation",
                    "command " + commandId + " on instance " + instanceId, PERMISSION_GET);
            throw AwsFailures.translate(call, e);
        }
        String url = invocation.standardOutputUrl();
        // Only for output longer than the invocation returns: the agent's copy, under the output prefix.
        SsmOutputTail.ObjectReader outputObject = request -> s3.get().getObject(request);
        return new CommandProgress(commandId, instanceId,
                CommandStatus.fromSsm(invocation.statusAsString()),
                invocation.statusDetails(),
                invocation.responseCode() == null ? -1 : invocation.responseCode(),
                tails.of("stdout", invocation.standardOutputContent(), SsmOutputTail.STDOUT_INLINE_LIMIT, url,
                        commandId, instanceId, outputObject),
                tails.of("stderr", invocation.standardErrorContent(), SsmOutputTail.STDERR_INLINE_LIMIT,
                        invocation.standardErrorUrl(), commandId, instanceId, outputObject),
                url == null || url.isBlank() ? null : url,
                0);
    }

    /**
     * The export lines, then the text that runs the runbook under its own interpreter, as one element: the agent
     * joins the elements with newlines into one file for {@code sh}.
     */
    static List<String> commands(CommandRequest request) {
        List<String> commands = new ArrayList<>(ShellExports.lines(request.environment()));
        commands.add(RunbookLauncher.command(request.runbook().script()));
        return commands;
    }

    private static long executionTimeoutSeconds(CommandRequest request) {
        long seconds = Math.max(1, (request.executionTimeout().toMillis() + 999) / 1000);
        if (seconds > EXECUTION_TIMEOUT_MAX_SECONDS) {
            throw new IllegalArgumentException("executionTimeout " + request.executionTimeout()
                    + " exceeds AWS-RunShellScript's limit of " + EXECUTION_TIMEOUT_MAX_SECONDS + " s");
        }
        return seconds;
    }

    /** At most 100 characters on one line, never cutting a surrogate pair in half. */
    static String comment(String comment) {
        String oneLine = (comment == null || comment.isBlank() ? "autoremediate" : comment)
                .replaceAll("\\p{Cntrl}+", " ").strip();
        if (oneLine.length() <= COMMENT_MAX) {
            return oneLine;
        }
        int end = COMMENT_MAX - 1;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "…";
    }
}

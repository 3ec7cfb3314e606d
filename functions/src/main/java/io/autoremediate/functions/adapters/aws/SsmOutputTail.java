package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.command.OutputTail;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The end of a command's standard output or error. GetCommandInvocation returns only the head of each stream
 * (the SSM agent keeps the first 24,000 bytes of stdout and 8,000 of stderr), but the last lines are the ones
 * that say what went wrong; so when the head is that long, the tail is read from the copy the agent uploaded
 * to S3, with a ranged GET of its last {@value #TAIL_BYTES} bytes.
 *
 * <p>The runner that owns the S3 client passes its {@code getObject} in, so that the AWS call shows in the
 * runner's own method (the deploy checks derive IAM actions from it).
 *
 * <p>The tail only enriches the record: when S3 cannot be read (the agent has not finished uploading, the
 * function's role lacks {@code s3:GetObject}), the head is kept with a note saying what to check, and the
 * poll still succeeds.
 */
final class SsmOutputTail {

    /** The agent's own limits (amazon-ssm-agent iohandler: MaxStdoutLength, MaxStderrLength), in bytes. */
    static final int STDOUT_INLINE_LIMIT = 24_000;
    static final int STDERR_INLINE_LIMIT = 8_000;
    /** Enough for {@link OutputTail#DEFAULT_CHARS} characters even if every one takes four bytes. */
    static final int TAIL_BYTES = 4 * OutputTail.DEFAULT_CHARS + 4;
    /** What some agent versions append to a stream they cut. */
    private static final String[] TRUNCATION_MARKERS = {
        "---Output truncated---", "---Error truncated----", "--output truncated--"};
    private static final String PLUGIN_FOLDER = "/awsrunShellScript/0.awsrunShellScript/";

    /** S3's GetObject, as the runner calls it. */
    @FunctionalInterface
    interface ObjectReader {
        ResponseInputStream<GetObjectResponse> get(GetObjectRequest request);
    }

    private final String bucket;
    private final String prefix;

    /** @param prefix the runner's output prefix: only objects under it are read */
    SsmOutputTail(String bucket, String prefix) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = prefix == null ? "" : prefix;
    }

    /**
     * @param stream      {@code stdout} or {@code stderr}, the object's name in the agent's layout
     * @param inline      what GetCommandInvocation returned for that stream
     * @param inlineLimit the agent's limit for that stream
     * @param url         the invocation's StandardOutputUrl or StandardErrorUrl
     */
    String of(String stream, String inline, int inlineLimit, String url, String commandId, String instanceId,
            ObjectReader s3) {
        String head = inline == null ? "" : inline;
        if (!truncated(head, inlineLimit)) {
            return OutputTail.of(head);
        }
        String expectedEnd = "/" + commandId + "/" + instanceId + PLUGIN_FOLDER + stream;
        Optional<String> key = keyIn(url, bucket).filter(k -> k.startsWith(prefix) && k.endsWith(expectedEnd));
        if (key.isEmpty()) {
            return OutputTail.of(head + note("its end was not read: the invocation's " + stream + " URL does not "
                    + "point under s3://" + bucket + "/" + prefix + "; check OUTPUT_BUCKET and OUTPUT_PREFIX"));
        }
        String location = "s3://" + bucket + "/" + key.get();
        try {
            return OutputTail.of(lastBytes(s3, key.get()));
        } catch (SdkException | IOException e) {
            String why = e instanceof SdkException sdk ? AwsFailures.translate(call(location), sdk).getMessage()
                    : "reading it failed (" + e.getMessage() + ")";
            return OutputTail.of(head + note("its end could not be read from " + location + ": " + why));
        }
    }

    private static AwsCall call(String location) {
        String upload = "the SSM agent uploads it when the command ends, with the instance profile's s3:PutObject "
                + "(and KMS rights on an encrypted bucket)";
        return AwsCall.of("S3", "GetObject", location, "s3:GetObject")
                .withHint("NoSuchKey", "it is not there (yet): " + upload)
                .withHint("AccessDenied", "check that the function's IAM role allows s3:GetObject on " + location
                        + ", and that it is there: " + upload);
    }

    /** At the agent's limit (within one UTF-8 character, which the agent may cut), or marked as cut. */
    static boolean truncated(String content, int limit) {
        for (String marker : TRUNCATION_MARKERS) {
            if (content.stripTrailing().endsWith(marker)) {
                return true;
            }
        }
        return content.getBytes(StandardCharsets.UTF_8).length >= limit - 3;
    }

    /** The object key a StandardOutputUrl names, in path style or virtual-hosted style; empty when neither. */
    static Optional<String> keyIn(String url, String bucket) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host.startsWith(bucket + ".s3") && path.length() > 1) {
            return Optional.of(path.substring(1));
        }
        String bucketFolder = "/" + bucket + "/";
        if (host.startsWith("s3") && path.startsWith(bucketFolder) && path.length() > bucketFolder.length()) {
            return Optional.of(path.substring(bucketFolder.length()));
        }
        return Optional.empty();
    }

    private String lastBytes(ObjectReader s3, String key) throws IOException {
        GetObjectRequest lastBytes = GetObjectRequest.builder().bucket(bucket).key(key).range("bytes=-" + TAIL_BYTES)
                .build();
        try (ResponseInputStream<GetObjectResponse> object = s3.get(lastBytes)) {
            byte[] bytes = object.readNBytes(TAIL_BYTES);
            boolean whole = object.response().contentRange() == null
                    || object.response().contentRange().startsWith("bytes 0-");
            return (whole ? "" : "…") + decodeFromCharacterStart(bytes);
        }
    }

    /** The range may start inside a multi-byte character: skip up to three continuation bytes first. */
    private static String decodeFromCharacterStart(byte[] bytes) {
        int start = 0;
        while (start < Math.min(3, bytes.length) && (bytes[start] & 0xC0) == 0x80) {
            start++;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }

    private static String note(String text) {
        return "\n[autoremediate: the output is longer than SSM returns inline; " + text + "]";
    }
}

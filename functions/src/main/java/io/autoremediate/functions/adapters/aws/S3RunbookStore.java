package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.runbook.Runbook;
import io.autoremediate.functions.runbook.RunbookStore;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Runbooks as objects under a prefix of an S3 bucket; the version recorded is the VersionId, else the ETag. */
public final class S3RunbookStore implements RunbookStore {

    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int maxBytes;

    public S3RunbookStore(S3Client s3, String bucket, String prefix) {
        this(s3, bucket, prefix, DEFAULT_MAX_BYTES);
    }

    /** @param prefix the folder runbooks live in; a missing trailing {@code /} is added */
    public S3RunbookStore(S3Client s3, String bucket, String prefix, int maxBytes) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.prefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? nullToEmpty(prefix) : prefix + "/";
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("runbook size limit must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<Runbook> find(String key) {
        String objectKey = prefix + RunbookKeyCheck.checked(key);
        AwsCall call = AwsCall.of("S3", "GetObject", "s3://" + bucket + "/" + objectKey, "s3:GetObject")
                .withHint("AccessDenied", "check that the function's IAM role allows s3:GetObject on s3://"
                        + bucket + "/" + prefix + "* (without s3:ListBucket S3 also answers AccessDenied for a "
                        + "key that does not exist)")
                .withHint("NoSuchBucket", "the bucket " + bucket + " does not exist; check RUNBOOK_BUCKET");
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(b -> b.bucket(bucket).key(objectKey))) {
            GetObjectResponse metadata = object.response();
            Long length = metadata.contentLength();
            if (length != null && length > maxBytes) {
                // Drop the connection rather than drain a large body we will not use.
                object.abort();
                throw tooLarge(key, Long.toString(length));
            }
            byte[] content = object.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                object.abort();
                throw tooLarge(key, "more than " + maxBytes);
            }
            return Optional.of(Runbook.of(key, "s3://" + bucket + "/" + objectKey, version(metadata), content));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(AwsFailures.errorCode(e))) {
                return Optional.empty();
            }
            throw AwsFailures.translate(call, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(call, e);
        } catch (IOException e) {
            throw new DependencyUnavailableException(call.describe() + ": reading the object failed ("
                    + e.getMessage() + "); it is retried", e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private DependencyRefusedException tooLarge(String key, String size) {
        return new DependencyRefusedException("runbook '" + key + "' under " + describe() + " is " + size
                + " bytes, over the limit of " + maxBytes + " bytes; keep runbooks small and let them fetch "
                + "larger tools themselves", null);
    }

    /** A versioned bucket gives a VersionId; an unversioned one answers none (or the text "null"). */
    private static String version(GetObjectResponse metadata) {
        String versionId = metadata.versionId();
        if (versionId != null && !versionId.isEmpty() && !"null".equals(versionId)) {
            return versionId;
        }
        String etag = metadata.eTag();
        return etag == null ? null : etag.replace("\"", "");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

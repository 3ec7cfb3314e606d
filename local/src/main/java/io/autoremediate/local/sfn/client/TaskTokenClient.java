package io.autoremediate.local.sfn.client;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Answers a task token on a running {@code serve} (SendTaskSuccess, SendTaskFailure) through the real SDK
 * client, turning what can go wrong into one sentence: serve not reachable, or the token refused and why.
 */
public final class TaskTokenClient implements AutoCloseable {
    private final URI endpoint;
    private final SfnClient sfn;

    private TaskTokenClient(URI endpoint, SfnClient sfn) {
        this.endpoint = endpoint;
        this.sfn = sfn;
    }

    /** A client for serve at {@code endpoint}, with the static dummy credentials serve accepts. */
    public static TaskTokenClient connect(URI endpoint) {
        SfnClient sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(30)))
                .build();
        return new TaskTokenClient(endpoint, sfn);
    }

    /** SendTaskSuccess. @throws AnswerRefused when serve is unreachable or refuses the token */
    public void succeed(String taskToken, String outputJson) {
        call(() -> sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson)));
    }

    /** SendTaskFailure. @throws AnswerRefused when serve is unreachable or refuses the token */
    public void fail(String taskToken, String error, String cause) {
        call(() -> sfn.sendTaskFailure(r -> r.taskToken(taskToken).error(error).cause(cause)));
    }

    private void call(Runnable request) {
        try {
            request.run();
        } catch (SfnException e) {
            String code = e.awsErrorDetails() == null ? "Error" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new AnswerRefused("serve refused the token: " + code + ": " + message);
        } catch (SdkClientException e) {
            throw new AnswerRefused("cannot reach serve at " + endpoint + " (is './autoremediate serve' running"
                    + " there? pass --endpoint otherwise): " + e.getMessage());
        }
    }

    @Override
    public void close() {
        sfn.close();
    }

    /** The answer did not land: the message says why, for a user to read. */
    public static final class AnswerRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerRefused(String message) {
            super(message);
        }
    }
}

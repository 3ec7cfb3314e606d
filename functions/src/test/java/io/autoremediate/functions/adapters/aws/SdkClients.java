package io.autoremediate.functions.adapters.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Real SDK clients pointed at a local stub server. Retries are off so each stubbed answer is seen once and
 * the tests stay fast; what the adapters do with an answer does not depend on the SDK's retry policy.
 */
final class SdkClients {

    private SdkClients() {
    }

    static SsmClient ssm(String endpoint) {
        return configure(SsmClient.builder(), endpoint);
    }

    static S3Client s3(String endpoint) {
        return configure(S3Client.builder().forcePathStyle(true), endpoint);
    }

    static CloudWatchClient cloudWatch(String endpoint) {
        return configure(CloudWatchClient.builder(), endpoint);
    }

    static SfnClient sfn(String endpoint) {
        return configure(SfnClient.builder(), endpoint);
    }

    static SnsClient sns(String endpoint) {
        return configure(SnsClient.builder(), endpoint);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
            B builder, String endpoint) {
        return builder
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .endpointOverride(URI.create(endpoint))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}

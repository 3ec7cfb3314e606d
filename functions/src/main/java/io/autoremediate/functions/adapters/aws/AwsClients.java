package io.autoremediate.functions.adapters.aws;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the SDK clients the way a Lambda container wants them: the light {@code UrlConnectionHttpClient},
 * the region from {@code AWS_REGION} and the credentials Lambda puts in the environment, so nothing is probed
 * at cold start. {@code AUTOREMEDIATE_AWS_ENDPOINT_URL} points every client at a local stack or test server.
 * Each client is built once per container and shared.
 */
public final class AwsClients {

    public static final String REGION_VARIABLE = "AWS_REGION";
    public static final String ENDPOINT_VARIABLE = "AUTOREMEDIATE_AWS_ENDPOINT_URL";

    /** Lazy rather than a static initializer, so a missing variable fails each call clearly, not once. */
    private static final Lazy<AwsClients> CONTAINER = new Lazy<>(() -> new AwsClients(System.getenv()));

    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final Lazy<S3Client> s3;
    private final Lazy<SsmClient> ssm;
    private final Lazy<CloudWatchClient> cloudWatch;
    private final Lazy<SnsClient> sns;
    private final Lazy<SfnClient> sfn;
    private final Lazy<SecretsManagerClient> secretsManager;

    AwsClients(Map<String, String> environment) {
        this(environment, EnvironmentVariableCredentialsProvider.create());
    }

    AwsClients(Map<String, String> environment, AwsCredentialsProvider credentials) {
        String regionName = environment.get(REGION_VARIABLE);
        if (regionName == null || regionName.isBlank()) {
            throw new IllegalStateException("environment variable " + REGION_VARIABLE
                    + " is not set; Lambda sets it, elsewhere set it to the region of the alarms (e.g. us-east-1)");
        }
        this.region = Region.of(regionName.strip());
        String endpointText = environment.get(ENDPOINT_VARIABLE);
        this.endpoint = endpointText == null || endpointText.isBlank() ? null : URI.create(endpointText.strip());
        this.credentials = credentials;
        // Local stacks serve buckets by path (http://host:port/bucket/key), not as subdomains.
        this.s3 = new Lazy<>(() -> configure(S3Client.builder().forcePathStyle(endpoint != null)));
        this.ssm = new Lazy<>(() -> configure(SsmClient.builder()));
        this.cloudWatch = new Lazy<>(() -> configure(CloudWatchClient.builder()));
        this.sns = new Lazy<>(() -> configure(SnsClient.builder()));
        this.sfn = new Lazy<>(() -> configure(SfnClient.builder()));
        this.secretsManager = new Lazy<>(() -> configure(SecretsManagerClient.builder()));
    }

    /** The container's clients, configured from its environment. */
    public static AwsClients fromEnvironment() {
        return CONTAINER.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public SsmClient ssm() {
        return ssm.get();
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager.get();
    }

    Region region() {
        return region;
    }

    URI endpoint() {
        return endpoint;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        builder.httpClient(http).region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}

package io.autoremediate.functions.adapters.aws;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
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
 * the region from {@code AWS_REGION} and the credentials Lambda gives the function ({@link #lambdaCredentials}),
 * so nothing is probed at cold start. {@code AUTOREMEDIATE_AWS_ENDPOINT_URL} points every client at a local stack or test server.
 * Each client is built on first use, once per container, and all share one HTTP client: its TLS context (the
 * trust store read and parsed) costs as much as a client, so it is paid once, not once per service. The
 * container's clients register with its SnapStart {@link Priming}.
 */
public final class AwsClients {

    public static final String REGION_VARIABLE = "AWS_REGION";
    public static final String ENDPOINT_VARIABLE = "AUTOREMEDIATE_AWS_ENDPOINT_URL";
    static final String ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID";

    /**
     * Lazy rather than a static initializer, so a missing variable fails each call clearly, not once. The
     * container's clients are primed before a SnapStart snapshot.
     */
    private static final Lazy<AwsClients> CONTAINER = new Lazy<>(() -> {
        AwsClients clients = new AwsClients(System.getenv());
        Priming.container().aws(clients);
        return clients;
    });

    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final Supplier<SdkHttpClient> http;
    private final EnumMap<AwsService, SdkClient> built = new EnumMap<>(AwsService.class);
    private final Lazy<S3Client> s3;
    private final Lazy<SsmClient> ssm;
    private final Lazy<CloudWatchClient> cloudWatch;
    private final Lazy<SnsClient> sns;
    private final Lazy<SfnClient> sfn;
    private final Lazy<SecretsManagerClient> secretsManager;

    /** Clients configured from {@code environment}, with the credentials Lambda gives a function there. */
    public AwsClients(Map<String, String> environment) {
        this(environment, lambdaCredentials(environment));
    }

    /** Clients configured from {@code environment} that sign with {@code credentials}. */
    public AwsClients(Map<String, String> environment, AwsCredentialsProvider credentials) {
        this(region(environment), endpoint(environment), credentials,
                new Lazy<>(() -> UrlConnectionHttpClient.builder().build()));
    }

    private AwsClients(Region region, URI endpoint, AwsCredentialsProvider credentials,
                       Supplier<SdkHttpClient> http) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = http;
        // Local stacks serve buckets by path (http://host:port/bucket/key), not as subdomains.
        this.s3 = new Lazy<>(() -> configure(AwsService.S3, S3Client.builder().forcePathStyle(endpoint != null)));
        this.ssm = new Lazy<>(() -> configure(AwsService.SSM, SsmClient.builder()));
        this.cloudWatch = new Lazy<>(() -> configure(AwsService.CLOUDWATCH, CloudWatchClient.builder()));
        this.sns = new Lazy<>(() -> configure(AwsService.SNS, SnsClient.builder()));
        this.sfn = new Lazy<>(() -> configure(AwsService.SFN, SfnClient.builder()));
        this.secretsManager = new Lazy<>(() -> configure(AwsService.SECRETS_MANAGER, SecretsManagerClient.builder()));
    }

    /**
     * The role's keys in {@code AWS_ACCESS_KEY_ID} and its two companions, as Lambda sets them without SnapStart
     * (and as a local run may); else the container credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}
     * with its token), which is what Lambda gives a SnapStart function instead, so that no key in a snapshot
     * outlives its expiry. Either way one provider, chosen once, and nothing is asked until the first request.
     */
    static AwsCredentialsProvider lambdaCredentials(Map<String, String> environment) {
        String keyId = environment.get(ACCESS_KEY_VARIABLE);
        return keyId != null && !keyId.isBlank() ? EnvironmentVariableCredentialsProvider.create()
                : ContainerCredentialsProvider.builder().build();
    }

    /** The container's clients, configured from its environment. */
    public static AwsClients fromEnvironment() {
        return CONTAINER.get();
    }

    /**
     * Clients configured like these (region, endpoint, addressing) but sending every request to {@code http}
     * with {@code credentials}: how {@link Priming} runs the adapters' calls offline, marshalling, signing and
     * parsing included.
     */
    AwsClients twin(SdkHttpClient http, AwsCredentialsProvider credentials) {
        return new AwsClients(region, endpoint, credentials, () -> http);
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

    /** The HTTP client every client here sends through. */
    SdkHttpClient httpClient() {
        return http.get();
    }

    /** The services whose client has been built so far (what this container's function uses). */
    synchronized Set<AwsService> built() {
        Set<AwsService> services = EnumSet.noneOf(AwsService.class);
        services.addAll(built.keySet());
        return Collections.unmodifiableSet(services);
    }

    /** Closes the clients built so far; for twins, since the container's clients live as long as it does. */
    synchronized void close() {
        built.values().forEach(SdkClient::close);
        built.clear();
    }

    Region region() {
        return region;
    }

    URI endpoint() {
        return endpoint;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C configure(
            AwsService service, B builder) {
        builder.httpClient(http.get()).region(region).credentialsProvider(credentials);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        C client = builder.build();
        synchronized (this) {
            built.put(service, client);
        }
        return client;
    }

    private static Region region(Map<String, String> environment) {
        String regionName = environment.get(REGION_VARIABLE);
        if (regionName == null || regionName.isBlank()) {
            throw new IllegalStateException("environment variable " + REGION_VARIABLE
                    + " is not set; Lambda sets it, elsewhere set it to the region of the alarms (e.g. us-east-1)");
        }
        return Region.of(regionName.strip());
    }

    private static URI endpoint(Map<String, String> environment) {
        String endpointText = environment.get(ENDPOINT_VARIABLE);
        return endpointText == null || endpointText.isBlank() ? null : URI.create(endpointText.strip());
    }
}

package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.adapters.aws.Priming.Outcome;
import io.autoremediate.functions.wiring.AwsAdapters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class PrimingTest {

    /** The clients' endpoint: priming must never reach it. */
    @RegisterExtension
    static WireMockExtension endpoint =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

    private final Priming priming = new Priming();

    @Test
    void everyAdapterCallOfEveryBuiltServiceRunsThroughWithoutARequest() {
        AwsClients clients = clients(Map.of("AWS_REGION", "eu-west-1",
                AwsClients.ENDPOINT_VARIABLE, endpoint.baseUrl()));
        clients.s3();
        clients.ssm();
        clients.cloudWatch();
        clients.sns();
        clients.sfn();
        clients.secretsManager();
        priming.aws(clients);

        List<Outcome> outcomes = priming.prime();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).as(outcome.primer()).isNull());
        assertThat(outcomes).extracting(Outcome::primer).containsExactly("aws", "aws S3", "aws SSM", "aws CLOUDWATCH",
                "aws SNS", "aws SFN", "aws SECRETS_MANAGER", "http");
        assertThat(endpoint.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutAnEndpointOverrideAsInLambdaNothingLeavesTheProcess() {
        // The twins resolve the real AWS endpoints here; a request would fail (no network), and show as a failure.
        AwsClients clients = clients(Map.of("AWS_REGION", "eu-west-1"));
        clients.s3();
        clients.ssm();
        priming.aws(clients);

        assertThat(priming.prime()).containsExactly(new Outcome("aws", null), new Outcome("aws S3", null),
                new Outcome("aws SSM", null), new Outcome("http", null));
    }

    @Test
    void onlyTheServicesTheFunctionBuiltArePrimedAndTheContainersClientsAreLeftOpen() {
        AwsClients clients = clients(Map.of("AWS_REGION", "us-east-1",
                AwsClients.ENDPOINT_VARIABLE, endpoint.baseUrl()));
        var sfn = clients.sfn();
        priming.aws(clients);

        assertThat(priming.prime()).extracting(Outcome::primer).containsExactly("aws", "aws SFN", "http");
        assertThat(clients.built()).containsExactly(AwsService.SFN);
        assertThat(clients.sfn()).isSameAs(sfn);
    }

    @Test
    void primingIsIdempotent() {
        AwsClients clients = clients(Map.of("AWS_REGION", "us-east-1",
                AwsClients.ENDPOINT_VARIABLE, endpoint.baseUrl()));
        clients.cloudWatch();
        priming.aws(clients);
        priming.json();
        assertThat(priming.prime()).hasSize(4);

        priming.aws(clients);
        priming.json();

        assertThat(priming.prime()).isEmpty();
    }

    @Test
    void withNoClientBuiltThereIsNothingToPrimeOnTheNetworkSide() {
        priming.aws(clients(Map.of("AWS_REGION", "us-east-1")));

        assertThat(priming.prime()).containsExactly(new Outcome("aws", null));
    }

    @Test
    void theLoopbackExchangeGoesThroughTheRealHttpClientAndLeavesNothingOpen() {
        AwsClients clients = clients(Map.of("AWS_REGION", "us-east-1"));

        assertThat(LoopbackExchange.through(clients.httpClient())).isEqualTo(200);
        assertThat(LoopbackExchange.through(clients.httpClient())).isEqualTo(200);
    }

    @Test
    void theStepsJsonIsPrimedOnceForEveryHandler() {
        priming.json();
        priming.json();

        assertThat(priming.prime()).containsExactly(new Outcome("json", null));
    }

    @Test
    void aFailingPrimerIsReportedAndDoesNotStopTheOthers() {
        priming.add("broken", () -> {
            throw new IllegalStateException("no luck");
        });
        priming.add("also broken", () -> {
            throw new IllegalArgumentException("nor here");
        });
        priming.add("fine", () -> { });

        assertThat(priming.prime()).containsExactly(
                new Outcome("broken", "java.lang.IllegalStateException: no luck"),
                new Outcome("also broken", "java.lang.IllegalArgumentException: nor here"),
                new Outcome("fine", null));
    }

    @Test
    void theProductionWiringRegistersTheStepsJsonWithTheContainersPriming() {
        // What every handler's no-argument constructor goes through; no channel is configured here, so it
        // builds no client.
        assertThat(AwsAdapters.notificationChannels()).isEmpty();

        assertThat(Priming.container().prime()).contains(new Outcome("json", null));
    }

    private static AwsClients clients(Map<String, String> environment) {
        return new AwsClients(environment, CREDENTIALS);
    }
}

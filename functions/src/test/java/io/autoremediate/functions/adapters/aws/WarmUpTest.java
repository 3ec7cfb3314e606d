package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.adapters.aws.Priming.Outcome;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

class WarmUpTest {

    @RegisterExtension
    static WireMockExtension endpoint =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));

    @Test
    void sdkClientsAreBuiltWhileTheHttpClientIsStillBeingBuiltAndTheirFirstRequestWaitsForIt() throws Exception {
        endpoint.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withBody("{\"Parameter\": {\"Name\": \"p\", \"Value\": \"v\"}}")));
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> builtOn = new AtomicReference<>();
        Supplier<SdkHttpClient> http = WarmUp.fromEnvironment(Map.of(), new Priming()).httpClient("UrlConnection",
                () -> {
                    builtOn.set(Thread.currentThread().getName());
                    await(release);
                    return UrlConnectionHttpClient.builder().build();
                });

        SsmClient ssm = SsmClient.builder().httpClient(http.get()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).endpointOverride(URI.create(endpoint.baseUrl())).build();
        CompletableFuture<GetParameterResponse> call =
                CompletableFuture.supplyAsync(() -> ssm.getParameter(b -> b.name("p")));

        assertThat(call).isNotDone();
        assertThat(endpoint.getAllServeEvents()).isEmpty();
        release.countDown();
        assertThat(call.get(10, TimeUnit.SECONDS).parameter().value()).isEqualTo("v");
        assertThat(builtOn.get()).isEqualTo(WarmUp.THREAD_NAME);
        ssm.close();
    }

    @Test
    void anHttpClientThatCannotBeBuiltFailsEachRequestWithTheCause() {
        Supplier<SdkHttpClient> http = WarmUp.fromEnvironment(Map.of(), new Priming()).httpClient("UrlConnection",
                () -> {
                    throw new IllegalStateException("no trust store");
                });
        SsmClient ssm = SsmClient.builder().httpClient(http.get()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).endpointOverride(URI.create(endpoint.baseUrl())).build();

        assertThatThrownBy(() -> ssm.getParameter(b -> b.name("p")))
                .hasStackTraceContaining("the HTTP client could not be built")
                .hasStackTraceContaining("no trust store");
        assertThat(endpoint.getAllServeEvents()).isEmpty();
    }

    @Test
    void eachServiceIsPrimedAheadOnceItsClientIsBuiltAndPrimingReportsItWithoutRunningItAgain() {
        Priming priming = new Priming();
        AwsClients clients = new AwsClients(Map.of("AWS_REGION", "eu-west-1",
                AwsClients.ENDPOINT_VARIABLE, endpoint.baseUrl()), CREDENTIALS,
                WarmUp.fromEnvironment(Map.of(), priming));
        clients.ssm();
        clients.cloudWatch();
        priming.aws(clients);

        List<Outcome> outcomes = priming.prime();

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).as(outcome.primer()).isNull());
        assertThat(outcomes).extracting(Outcome::primer)
                .containsExactlyInAnyOrder("json", "aws SSM", "aws CLOUDWATCH", "aws", "http");
        assertThat(priming.prime()).isEmpty();
        assertThat(endpoint.getAllServeEvents()).as("priming, ahead or not, sends nothing").isEmpty();
    }

    @Test
    void switchedOffThereIsNoThreadAndTheHttpClientIsBuiltByItsFirstUser() {
        WarmUp off = WarmUp.fromEnvironment(Map.of(WarmUp.SWITCH_VARIABLE, "false"), new Priming());
        AtomicReference<String> builtOn = new AtomicReference<>();

        Supplier<SdkHttpClient> http = off.httpClient("UrlConnection", () -> {
            builtOn.set(Thread.currentThread().getName());
            return UrlConnectionHttpClient.builder().build();
        });

        assertThat(off.on()).isFalse();
        assertThat(builtOn.get()).as("not built before it is asked for").isNull();
        http.get().close();
        assertThat(builtOn.get()).isEqualTo(Thread.currentThread().getName());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

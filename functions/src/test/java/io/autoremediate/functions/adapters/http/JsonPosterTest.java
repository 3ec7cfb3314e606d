package io.autoremediate.functions.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JsonPosterTest {

    @RegisterExtension
    static WireMockExtension peer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/hooks/T0001/B0002/s3cr3tWebhookToken";
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, ZoneOffset.UTC);

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final JsonPoster poster = new JsonPoster(HttpClient.newHttpClient(), "test", sleeper, () -> NOW);

    @Test
    void postsJsonAndReturnsTheAnswer() throws Exception {
        peer.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));

        JsonPoster.Answer answer = poster.post(uri(), "{\"text\":\"hé\"}", Map.of("X-Extra", "1"), List.of());

        assertThat(answer).isEqualTo(new JsonPoster.Answer(200, "ok"));
        peer.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withHeader("X-Extra", equalTo("1"))
                .withRequestBody(equalToJson("{\"text\":\"hé\"}")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterIsRetriedAfterTheAskedWait() throws Exception {
        peer.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("rate_limited"))
                .willSetStateTo("calm"));
        peer.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(poster.post(uri(), "{}", Map.of(), List.of()).status()).isEqualTo(200);

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        peer.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void longRetryAfterIsCappedSoTheFunctionNeverSleepsLong() throws Exception {
        peer.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")).willSetStateTo("calm"));
        peer.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200)));

        poster.post(uri(), "{}", Map.of(), List.of());

        assertThat(sleeper.waits).containsExactly(JsonPoster.MAX_WAIT);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        peer.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Mon, 05 Jan 2026 10:00:01 GMT"))
                .willSetStateTo("calm"));
        peer.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200)));

        poster.post(uri(), "{}", Map.of(), List.of());

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void persistentServerErrorFailsAfterBoundedAttemptsWithGrowingWaitsAndNoSecret() {
        peer.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)
                .withBody("internal error while posting to " + PATH)));

        assertThatThrownBy(() -> poster.post(uri(), "{}", Map.of(), List.of()))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("test: " + peer.baseUrl() + " answered HTTP 500")
                .hasMessageContaining("after 3 attempts")
                .hasMessageNotContaining("s3cr3tWebhookToken")
                .hasMessageNotContaining("/hooks/");
        peer.verify(JsonPoster.MAX_ATTEMPTS, postRequestedFor(urlEqualTo(PATH)));
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void clientErrorFailsAtOnceWithThePeersAnswer() {
        peer.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400).withBody("invalid_payload")));

        assertThatThrownBy(() -> poster.post(uri(), "{}", Map.of(), List.of()))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("HTTP 400: invalid_payload")
                .hasMessageContaining("after 1 attempt");
        peer.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void secretsEchoedByThePeerAreMasked() {
        peer.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withBody("token R0UT1NGKEY0123456789 is not valid")));

        assertThatThrownBy(() -> poster.post(uri(), "{}", Map.of(), List.of("R0UT1NGKEY0123456789")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("token [redacted] is not valid")
                .hasMessageNotContaining("R0UT1NGKEY0123456789");
    }

    @Test
    void redirectIsNotFollowed() {
        peer.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://elsewhere.example/")));

        assertThatThrownBy(() -> poster.post(uri(), "{}", Map.of(), List.of()))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("HTTP 302");
    }

    @Test
    void refusedConnectionIsRetriedThenReportedWithoutThePath() {
        URI closed = URI.create("http://127.0.0.1:1" + PATH);

        assertThatThrownBy(() -> poster.post(closed, "{}", Map.of(), List.of()))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("http://127.0.0.1:1 answered could not connect")
                .hasMessageNotContaining("s3cr3tWebhookToken");
        assertThat(sleeper.waits).hasSize(JsonPoster.MAX_ATTEMPTS - 1);
    }

    private static URI uri() {
        return URI.create(peer.baseUrl() + PATH);
    }
}

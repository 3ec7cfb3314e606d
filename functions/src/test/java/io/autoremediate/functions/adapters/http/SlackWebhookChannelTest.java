package io.autoremediate.functions.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.TestJson;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackWebhookChannelTest {

    @RegisterExtension
    static WireMockExtension slack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Shaped like a real incoming webhook: the path is the credential. */
    private static final String PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final SlackWebhookChannel channel = new SlackWebhookChannel(
            new JsonPoster(HttpClient.newHttpClient(), "slack", sleeper, ZonedDateTime::now),
            URI.create(slack.baseUrl() + PATH));

    @Test
    void postsTitleAndBodyAsTextWithBlocksAndReturnsSlacksOk() throws Exception {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));

        String receipt = channel.deliver(notice("Escalated: cpu-high on i-0abc", "The runbook failed."));

        assertThat(receipt).isEqualTo("ok");
        JsonNode sent = sent();
        assertThat(sent.path("text").asText()).isEqualTo("Escalated: cpu-high on i-0abc\nThe runbook failed.");
        assertThat(sent.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(sent.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("Escalated: cpu-high on i-0abc");
        assertThat(sent.path("blocks").get(1).path("text").path("text").asText()).isEqualTo("The runbook failed.");
        assertThat(sent.path("blocks").get(2).path("fields").get(0).path("text").asText())
                .isEqualTo("*Alarm*\ncpu-high");
    }

    @Test
    void mentionsAndLinksInIncidentDataAreEscapedSoTheyCannotPageAChannel() throws Exception {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));

        channel.deliver(notice("<!channel> alarm & <https://evil.example|click>", "body"));

        assertThat(sent().path("text").asText())
                .startsWith("&lt;!channel&gt; alarm &amp; &lt;https://evil.example|click&gt;")
                .doesNotContain("<!channel>");
    }

    @Test
    void rateLimitedThenAcceptedIsDelivered() throws Exception {
        slack.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("rate_limited"))
                .willSetStateTo("calm"));
        slack.stubFor(post(urlEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThat(channel.deliver(notice("t", "b"))).isEqualTo("ok");
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void slacksPlainTextErrorIsInTheFailureButTheWebhookUrlIsNot() {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("channel_not_found")));

        assertThatThrownBy(() -> channel.deliver(notice("t", "b")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("slack:")
                .hasMessageContaining("HTTP 404: channel_not_found")
                .hasMessageNotContaining(PATH)
                .hasMessageNotContaining("XXXXXXXXXXXXXXXXXXXXXXXX");
    }

    @Test
    void persistentServerErrorFailsWithoutTheWebhookUrl() {
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("internal_error")));

        assertThatThrownBy(() -> channel.deliver(notice("t", "b")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("HTTP 500: internal_error")
                .hasMessageNotContaining("/services/");
        slack.verify(JsonPoster.MAX_ATTEMPTS, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void longTitleFitsSlacksHeaderLimit() {
        JsonNode message = SlackWebhookChannel.message(notice("t".repeat(500), "b"));

        assertThat(message.path("blocks").get(0).path("text").path("text").asText())
                .hasSize(SlackWebhookChannel.HEADER_MAX);
    }

    private static Notice notice(String title, String body) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Alarm", "cpu-high");
        facts.put("Instance", "i-0abc");
        return new Notice(NoticeKind.ESCALATION, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high",
                null, title, body, facts);
    }

    private static JsonNode sent() throws Exception {
        var requests = slack.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        return TestJson.MAPPER.readTree(requests.get(0).getBodyAsString());
    }
}

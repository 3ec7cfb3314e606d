package io.autoremediate.functions.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PagerDuty Events API v2: POST /v2/enqueue, answered 202 with the dedup_key. */
class PagerDutyChannelTest {

    @RegisterExtension
    static WireMockExtension pagerDuty =
            WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/v2/enqueue";
    private static final String ROUTING_KEY = "R0123456789ABCDEF0123456789ABCDE";
    private static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final PagerDutyChannel channel = new PagerDutyChannel(
            new JsonPoster(HttpClient.newHttpClient(), "pagerduty", sleeper, ZonedDateTime::now),
            URI.create(pagerDuty.baseUrl() + PATH), ROUTING_KEY);

    @Test
    void escalationTriggersAndResolutionResolvesTheSameAlert() throws Exception {
        accept();

        String triggered = channel.deliver(notice(NoticeKind.ESCALATION, ALARM_ARN, Map.of("Alarm", "cpu-high",
                "Alarm now", "ALARM")));
        String resolved = channel.deliver(notice(NoticeKind.RESOLVED, ALARM_ARN, Map.of()));

        List<JsonNode> events = sentEvents();
        assertThat(events).hasSize(2);
        JsonNode trigger = events.get(0);
        assertThat(trigger.path("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.path("dedup_key").asText()).isEqualTo(ALARM_ARN);
        assertThat(trigger.path("payload").path("summary").asText()).isEqualTo("Escalated: cpu-high");
        assertThat(trigger.path("payload").path("source").asText()).isEqualTo("autoremediate");
        assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(trigger.path("payload").path("custom_details").path("Alarm").asText()).isEqualTo("cpu-high");
        JsonNode resolve = events.get(1);
        assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.path("dedup_key").asText()).isEqualTo(trigger.path("dedup_key").asText());
        assertThat(resolve.has("payload")).isFalse();
        assertThat(triggered).isEqualTo("escalation " + ALARM_ARN);
        assertThat(resolved).isEqualTo("resolved " + ALARM_ARN);
    }

    @Test
    void escalationWhileTheAlarmIsNoLongerFiringIsAnErrorNotCritical() {
        assertThat(PagerDutyChannel.severity(notice(NoticeKind.ESCALATION, ALARM_ARN, Map.of("Alarm now", "OK"))))
                .isEqualTo("error");
        assertThat(PagerDutyChannel.severity(notice(NoticeKind.ESCALATION, ALARM_ARN, Map.of())))
                .isEqualTo("critical");
    }

    @Test
    void longSummaryIsCutToPagerDutysLimit() throws Exception {
        accept();
        Notice notice = new Notice(NoticeKind.ESCALATION, ALARM_ARN, null, "s".repeat(3000), "body", Map.of());

        channel.deliver(notice);

        assertThat(sentEvents().get(0).path("payload").path("summary").asText())
                .hasSize(PagerDutyChannel.SUMMARY_MAX);
    }

    @Test
    void longDedupKeyIsShortenedTheSameWayEveryTimeAndStaysDistinct() {
        String longKey = ALARM_ARN + "x".repeat(300);
        String otherLongKey = ALARM_ARN + "x".repeat(299) + "y";

        String shortened = PagerDutyChannel.dedupKey(longKey);

        assertThat(shortened).hasSize(PagerDutyChannel.DEDUP_KEY_MAX).startsWith(ALARM_ARN)
                .isEqualTo(PagerDutyChannel.dedupKey(longKey))
                .isNotEqualTo(PagerDutyChannel.dedupKey(otherLongKey));
        assertThat(PagerDutyChannel.dedupKey(ALARM_ARN)).isEqualTo(ALARM_ARN);
    }

    @Test
    void invalidEventFailsWithPagerDutysErrorsButNeverTheRoutingKey() {
        pagerDuty.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                        + "\"errors\":[\"routing_key " + ROUTING_KEY + " is not known\"]}")));

        assertThatThrownBy(() -> channel.deliver(notice(NoticeKind.ESCALATION, ALARM_ARN, Map.of())))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("pagerduty:")
                .hasMessageContaining("Event object is invalid")
                .hasMessageNotContaining(ROUTING_KEY);
    }

    @Test
    void persistentServerErrorFailsAfterBoundedRetries() {
        pagerDuty.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> channel.deliver(notice(NoticeKind.ESCALATION, ALARM_ARN, Map.of())))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("HTTP 500");
        pagerDuty.verify(JsonPoster.MAX_ATTEMPTS, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void emptyRoutingKeyIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new PagerDutyChannel(HttpClient.newHttpClient(), null, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void accept() {
        pagerDuty.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + ALARM_ARN + "\"}")));
    }

    private static Notice notice(NoticeKind kind, String dedupKey, Map<String, String> facts) {
        return new Notice(kind, dedupKey, null, kind == NoticeKind.ESCALATION ? "Escalated: cpu-high" : "Resolved",
                "body", new LinkedHashMap<>(facts));
    }

    private static List<JsonNode> sentEvents() throws Exception {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (var request : pagerDuty.findAll(postRequestedFor(urlEqualTo(PATH)))) {
            events.add(TestJson.MAPPER.readTree(request.getBodyAsString()));
        }
        return events;
    }
}

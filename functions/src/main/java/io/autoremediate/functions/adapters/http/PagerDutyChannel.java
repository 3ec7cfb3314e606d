package io.autoremediate.functions.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonTrees;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationFailedException;
import io.autoremediate.functions.runbook.Runbook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends PagerDuty Events API v2 events: an escalation triggers an alert, a resolution resolves it. Both carry
 * the same {@code dedup_key}, so repeated escalations of one incident stay one alert and the resolution
 * closes it. The routing key is a secret and never appears in a failure message.
 */
public final class PagerDutyChannel implements NotificationChannel {

    public static final URI DEFAULT_ENDPOINT = URI.create("https://events.pagerduty.com/v2/enqueue");
    static final int SUMMARY_MAX = 1024;
    static final int DEDUP_KEY_MAX = 255;
    /** The fact {@code IncidentStory} sets when the alarm was read after the remediation. */
    static final String ALARM_NOW_FACT = "Alarm now";

    private final JsonPoster poster;
    private final URI endpoint;
    private final String routingKey;

    public PagerDutyChannel(HttpClient http, URI endpoint, String routingKey) {
        this(new JsonPoster(http, "pagerduty"), endpoint, routingKey);
    }

    PagerDutyChannel(JsonPoster poster, URI endpoint, String routingKey) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.endpoint = endpoint == null ? DEFAULT_ENDPOINT : endpoint;
        this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
        if (routingKey.isBlank()) {
            throw new IllegalArgumentException("PagerDuty routing key is empty");
        }
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public String deliver(Notice notice) throws NotificationFailedException {
        JsonPoster.Answer answer = poster.post(endpoint, JsonTrees.write(event(notice)), Map.of(), List.of(routingKey));
        // PagerDuty answers 202 {"status":"success","message":"Event processed","dedup_key":"…"}.
        return notice.kind().name().toLowerCase() + " " + dedupKeyOf(answer.body(), dedupKey(notice.dedupKey()));
    }

    ObjectNode event(Notice notice) {
        ObjectNode event = JsonTrees.object();
        event.put("routing_key", routingKey);
        event.put("dedup_key", dedupKey(notice.dedupKey()));
        if (notice.kind() == NoticeKind.RESOLVED) {
            event.put("event_action", "resolve");
            return event;
        }
        event.put("event_action", "trigger");
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", clip(notice.title(), SUMMARY_MAX));
        payload.put("source", notice.source());
        payload.put("severity", severity(notice));
        ObjectNode details = payload.putObject("custom_details");
        notice.facts().forEach(details::put);
        return event;
    }

    /**
     * Critical while the alarm is (or may be) still firing; error when the automation failed but the alarm
     * was read and is no longer in ALARM, so nothing is known to be down.
     */
    static String severity(Notice notice) {
        String alarmNow = notice.facts().get(ALARM_NOW_FACT);
        return alarmNow == null || alarmNow.equals("ALARM") ? "critical" : "error";
    }

    /** At most 255 characters; a longer key keeps its start and ends with its hash, so it stays unique. */
    static String dedupKey(String key) {
        if (key.length() <= DEDUP_KEY_MAX) {
            return key;
        }
        String hash = Runbook.sha256(key.getBytes(StandardCharsets.UTF_8));
        int keep = DEDUP_KEY_MAX - hash.length() - 1;
        if (Character.isHighSurrogate(key.charAt(keep - 1))) {
            keep--;
        }
        return key.substring(0, keep) + "~" + hash;
    }

    private static String dedupKeyOf(String body, String fallback) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : JsonTrees.read(body);
            return answer != null && answer.path("dedup_key").isTextual() ? answer.get("dedup_key").asText() : fallback;
        } catch (IOException notJson) {
            return fallback;
        }
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}

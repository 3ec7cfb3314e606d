package io.autoremediate.functions.adapters.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonTrees;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Posts notices to a Slack incoming webhook: {@code text} for notifications and old clients, plus blocks for
 * a readable message. The webhook URL is a secret and never appears in a failure message.
 */
public final class SlackWebhookChannel implements NotificationChannel {

    /** Slack's limits: header text 150 characters, section text 3000, at most 10 fields of 2000. */
    static final int HEADER_MAX = 150;
    static final int SECTION_MAX = 3000;
    static final int FIELDS_MAX = 10;
    static final int FIELD_MAX = 2000;

    private final JsonPoster poster;
    private final URI webhook;

    public SlackWebhookChannel(HttpClient http, URI webhook) {
        this(new JsonPoster(http, "slack"), webhook);
    }

    SlackWebhookChannel(JsonPoster poster, URI webhook) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public String deliver(Notice notice) throws NotificationFailedException {
        JsonPoster.Answer answer = poster.post(webhook, JsonTrees.write(message(notice)), Map.of(), List.of());
        return answer.body() == null || answer.body().isBlank() ? "HTTP " + answer.status() : answer.body().strip();
    }

    static ObjectNode message(Notice notice) {
        ObjectNode message = JsonTrees.object();
        message.put("text", escape(notice.title() + "\n" + notice.body()));
        ArrayNode blocks = message.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", clip(notice.title(), HEADER_MAX));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "plain_text").put("text", clip(notice.body(), SECTION_MAX));
        if (!notice.facts().isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            notice.facts().entrySet().stream().limit(FIELDS_MAX).forEach(fact -> fields.addObject()
                    .put("type", "mrkdwn")
                    .put("text", clip("*" + escape(fact.getKey()) + "*\n" + escape(fact.getValue()), FIELD_MAX)));
        }
        return message;
    }

    /**
     * Slack reads {@code <…>} as links and mentions ({@code <!channel>} pages a whole channel) and wants
     * {@code &}, {@code <}, {@code >} escaped; alarm names and outputs are not ours to trust.
     */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String text, int max) {
        String value = text == null || text.isEmpty() ? " " : text;
        if (value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}

package io.autoremediate.functions.adapters.http;

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
 * Posts the whole notice as JSON to an ITSM or generic webhook ({@code kind}, {@code dedupKey}, {@code source},
 * {@code title}, {@code body}, {@code facts}); the receiver opens or updates one ticket per {@code dedupKey}.
 */
public final class ItsmWebhookChannel implements NotificationChannel {

    private final JsonPoster poster;
    private final URI webhook;
    private final String bearerToken;

    /** @param bearerTokenOrNull sent as {@code Authorization: Bearer …} when given */
    public ItsmWebhookChannel(HttpClient http, URI webhook, String bearerTokenOrNull) {
        this(new JsonPoster(http, "itsm"), webhook, bearerTokenOrNull);
    }

    ItsmWebhookChannel(JsonPoster poster, URI webhook, String bearerTokenOrNull) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.bearerToken = bearerTokenOrNull == null || bearerTokenOrNull.isBlank() ? null : bearerTokenOrNull.strip();
    }

    @Override
    public String name() {
        return "itsm";
    }

    @Override
    public String deliver(Notice notice) throws NotificationFailedException {
        Map<String, String> headers = bearerToken == null ? Map.of() : Map.of("Authorization", "Bearer " + bearerToken);
        List<String> secrets = bearerToken == null ? List.of() : List.of(bearerToken);
        JsonPoster.Answer answer = poster.post(webhook, JsonTrees.write(notice.toJson()), headers, secrets);
        return "HTTP " + answer.status();
    }
}

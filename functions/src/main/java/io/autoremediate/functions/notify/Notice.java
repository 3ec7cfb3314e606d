package io.autoremediate.functions.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonObject;
import java.util.Map;
import java.util.Objects;

/**
 * One message about one incident, rendered by each channel in its own format.
 *
 * @param dedupKey ties the escalation and its later resolution together (PagerDuty's dedup_key): the alarm
 *                 ARN, so repeated escalations of one alarm stay one page
 * @param title    one line, fit for a pager's summary
 * @param body     the whole story, plain text
 * @param facts    the story's fields by name, for channels that take structured data
 */
public record Notice(NoticeKind kind, String dedupKey, String source, String title, String body,
                     Map<String, String> facts) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        source = source == null ? "autoremediate" : source;
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
    }

    /** What a webhook receives, and what the local notification log keeps. */
    public ObjectNode toJson() {
        return JsonObject.create().text("kind", kind).text("dedupKey", dedupKey).text("source", source)
                .text("title", title).text("body", body).textMap("facts", facts).build();
    }
}

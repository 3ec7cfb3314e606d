package io.autoremediate.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.incident.AlarmTimestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Makes malformed and malicious variants of a real alarm event: shell metacharacters, path traversal, huge
 * and control-character strings, wrong types, missing fields and unicode, in every field, reproducibly.
 */
final class HostileEvents {

    private final JsonNode base;
    private final Random random;
    private final List<String> hostileTexts;

    HostileEvents(JsonNode base, long seed, Path marker) {
        this.base = base;
        this.random = new Random(seed);
        String m = marker.toString();
        this.hostileTexts = List.of(
                "$(touch " + m + ")", "`touch " + m + "`", "x; touch " + m, "x && touch " + m + " #",
                "' ; touch " + m + " ; echo '", "\"; touch " + m + "; echo \"", "x\ntouch " + m, "| touch " + m,
                "${IFS}touch${IFS}" + m, "../../../../etc/passwd", "/etc/shadow", "..", "../remediations/x",
                "..\\..\\windows", "%2e%2e%2f", "\u0000touch " + m, "\u001b[31mred\u001b[0m", "\u202Eevil.sh",
                "ẞüñî©ødé 🚨", "", " ", "*", "?", "#", "i-0abc12345def67890; touch " + m,
                "i-0ABC12345DEF67890", "mi-0123456789abcdef0", "x".repeat(70_000), "webapp-uptime#CustomNamespace");
    }

    /**
     * The n-th variant. Before mutation each variant is its own incident: its own alarm, instance and
     * change timestamp, so valid ones are remediated side by side.
     */
    JsonNode variant(int n) {
        ObjectNode event = base.deepCopy();
        String alarm = "webapp-uptime-" + n;
        ((ObjectNode) event.get("detail")).put("alarmName", alarm);
        event.putArray("resources").add("arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarm);
        ((ObjectNode) event.at("/detail/configuration/metrics/0/metricStat/metric/dimensions"))
                .put("InstanceId", String.format("i-%017x", n + 1L));
        ((ObjectNode) event.get("detail").get("state")).put("timestamp",
                AlarmTimestamps.format(Instant.parse("2026-11-25T17:04:40Z").plusMillis(n)));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(event);
        }
        return event;
    }

    private void mutate(ObjectNode event) {
        List<ContainerField> fields = new ArrayList<>();
        collect(event, fields);
        ContainerField target = fields.get(random.nextInt(fields.size()));
        JsonNode replacement = switch (random.nextInt(6)) {
            case 0, 1, 2 -> JsonNodeFactory.instance.textNode(hostileTexts.get(random.nextInt(hostileTexts.size())));
            case 3 -> JsonNodeFactory.instance.numberNode(random.nextInt());
            case 4 -> random.nextBoolean() ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.arrayNode().add(1);
            default -> null;
        };
        target.set(replacement);
    }

    private static void collect(JsonNode node, List<ContainerField> into) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> copy = new ArrayList<>();
            names.forEachRemaining(copy::add);
            for (String name : copy) {
                into.add(new ContainerField(object, name, -1));
                collect(object.get(name), into);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new ContainerField(array, null, i));
                collect(array.get(i), into);
            }
        }
    }

    /** A place in the event: a field of an object or an element of an array. Null removes it. */
    private record ContainerField(JsonNode container, String name, int index) {
        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(name);
                } else {
                    object.set(name, value);
                }
            } else if (container instanceof ArrayNode array && index < array.size()) {
                if (value == null) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
            }
        }
    }
}

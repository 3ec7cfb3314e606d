package io.autoremediate.functions.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one JSON object into the values a record is built from. A missing field or JSON null
 * reads as absent; a field of the wrong kind is an {@link IllegalArgumentException} naming the field by its path,
 * e.g. {@code incident.stateChangedAt}. Scalars are read as leniently as Step Functions' own data allows: a number
 * where text belongs is its text, and a whole number may come as {@code 3}, {@code 3.0} or {@code "3"}.
 */
public final class JsonFields {

    private final JsonNode object;
    private final String path;

    private JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The fields of {@code node}, which must be an object; {@code what} names it in errors. */
    public static JsonFields of(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, not " + kind(node));
        }
        return new JsonFields(node, "");
    }

    /** The nested object, or null when the field is absent. */
    public JsonFields object(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongKind(name, "an object", value);
        }
        return new JsonFields(value, path + name + ".");
    }

    /** The nested object, which must be there. */
    public JsonFields requiredObject(String name) {
        return required(name, object(name));
    }

    /** The field's JSON as it is, or null when absent. */
    public JsonNode node(String name) {
        return present(name);
    }

    public String text(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw wrongKind(name, "text", value);
        }
        return value.asText();
    }

    public String requiredText(String name) {
        return required(name, text(name));
    }

    public int integer(String name, int absent) {
        long value = longInteger(name, absent);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + name + " is out of range: " + value);
        }
        return (int) value;
    }

    public long longInteger(String name, long absent) {
        JsonNode value = present(name);
        if (value == null) {
            return absent;
        }
        BigDecimal number = number(name, value);
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw wrongKind(name, "a whole number", value);
        }
    }

    public boolean bool(String name, boolean absent) {
        Boolean value = optionalBool(name);
        return value == null ? absent : value;
    }

    public Boolean optionalBool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.valueOf(value.textValue());
        }
        throw wrongKind(name, "true or false", value);
    }

    /** An ISO-8601 instant ({@code 2026-11-25T10:17:00.989Z}, or with an offset), or epoch seconds. */
    public Instant instant(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (!value.isTextual()) {
            throw wrongKind(name, "an ISO-8601 time", value);
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                throw wrongKind(name, "an ISO-8601 time", value);
            }
        }
    }

    public Instant requiredInstant(String name) {
        return required(name, instant(name));
    }

    public <E extends Enum<E>> E requiredConstant(String name, Class<E> type) {
        return required(name, constant(name, type));
    }

    /** A constant by its name, exactly as written. */
    public <E extends Enum<E>> E constant(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(path + name + " must be one of " + List.of(type.getEnumConstants())
                + ", not '" + value + "'");
    }

    public List<String> texts(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongKind(name, "an array of text", value);
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isValueNode() || element.isNull()) {
                throw wrongKind(name, "an array of text", value);
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** An object whose values are all text, in its order. */
    public Map<String, String> textMap(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongKind(name, "an object of text", value);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw wrongKind(name + "." + field.getKey(), "text", field.getValue());
            }
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    private <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(path + name + " is required");
        }
        return value;
    }

    private JsonNode present(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private BigDecimal number(String name, JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException e) {
                throw wrongKind(name, "a whole number", value);
            }
        }
        throw wrongKind(name, "a whole number", value);
    }

    private IllegalArgumentException wrongKind(String name, String expected, JsonNode value) {
        return new IllegalArgumentException(path + name + " must be " + expected + ", not " + kind(value));
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "the text '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            case BOOLEAN -> node.asText();
            case NUMBER -> "the number " + node.asText();
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}

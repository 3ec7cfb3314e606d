package io.autoremediate.local.sfn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** One request body of the AWS JSON 1.0 protocol, with readers that fail the way the service does. */
public final class AwsJsonRequest {

    private final ObjectNode body;

    public AwsJsonRequest(ObjectNode body) {
        this.body = body;
    }

    /** A string member that must be present; AWS answers a missing one with ValidationException. */
    public String requiredString(String field) {
        return string(field).orElseThrow(() -> SfnException.validation(field, null, "Member must not be null"));
    }

    public Optional<String> string(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw serialization(field, "a string");
        }
        return Optional.of(value.textValue());
    }

    public Optional<Integer> integer(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw serialization(field, "an integer");
        }
        return Optional.of(value.intValue());
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw serialization(field, "a boolean");
        }
        return Optional.of(value.booleanValue());
    }

    /** A string member limited to some values, e.g. statusFilter. */
    public <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type) {
        return string(field).map(text -> {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw SfnException.validation(field, text, "Member must satisfy enum value set: "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    private static SfnException serialization(String field, String expected) {
        return new SfnException("SerializationException", "'" + field + "' must be " + expected);
    }
}

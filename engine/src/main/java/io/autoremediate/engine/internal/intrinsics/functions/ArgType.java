package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type an intrinsic function argument must have. */
public enum ArgType {
    ANY("any JSON value"),
    STRING("a string"),
    NUMBER("a number"),
    INTEGER("an integer"),
    BOOLEAN("a boolean"),
    ARRAY("an array"),
    OBJECT("an object"),
    PRIMITIVE("a string, number, boolean or null");

    private final String description;

    ArgType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean accepts(JsonNode value) {
        return switch (this) {
            case ANY -> true;
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case INTEGER -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case BOOLEAN -> value.isBoolean();
            case ARRAY -> value.isArray();
            case OBJECT -> value.isObject();
            case PRIMITIVE -> value.isValueNode();
        };
    }
}

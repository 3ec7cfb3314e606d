package io.autoremediate.engine.internal.intrinsics.functions;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON value equality where numbers compare by value (1 equals 1.0). */
final class JsonValues {
    private JsonValues() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}

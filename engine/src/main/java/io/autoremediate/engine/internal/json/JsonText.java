package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Compact JSON text of a tree, exactly as {@link Json#MAPPER} writes it, without what the mapper sets up for
 * every call (a writer, a generator, a serializer provider): the history records the text of every state's
 * input and output. A tree holding anything but the standard value nodes, or a number that is not finite,
 * goes through the mapper.
 */
final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /** The text, or {@code null} when the tree must go through the mapper. */
    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(64);
        return append(out, node) ? out.toString() : null;
    }

    private static boolean append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, member.getKey());
                    out.append(':');
                    if (!append(out, member.getValue())) {
                        return false;
                    }
                }
                out.append('}');
                return true;
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!append(out, node.get(i))) {
                        return false;
                    }
                }
                out.append(']');
                return true;
            }
            case STRING -> {
                string(out, node.textValue());
                return true;
            }
            case NUMBER -> {
                return number(out, node);
            }
            case BOOLEAN -> {
                out.append(node.booleanValue());
                return true;
            }
            case NULL -> {
                out.append("null");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean number(StringBuilder out, JsonNode node) {
        switch (node.numberType()) {
            case INT -> out.append(node.intValue());
            case LONG -> out.append(node.longValue());
            case BIG_INTEGER -> out.append(node.bigIntegerValue());
            case BIG_DECIMAL -> out.append(node.decimalValue());
            case DOUBLE -> {
                // The mapper quotes NaN and the infinities; leave them to it.
                if (!Double.isFinite(node.doubleValue())) {
                    return false;
                }
                out.append(Double.toString(node.doubleValue()));
            }
            case FLOAT -> {
                if (!Float.isFinite(node.floatValue())) {
                    return false;
                }
                out.append(Float.toString(node.floatValue()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A JSON string as the mapper escapes it: quote, backslash and control characters only. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, start, i);
            start = i + 1;
            out.append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\t' -> out.append('t');
                case '\n' -> out.append('n');
                case '\f' -> out.append('f');
                case '\r' -> out.append('r');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, start, text.length());
        out.append('"');
    }
}

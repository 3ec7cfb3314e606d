package io.autoremediate.engine.internal.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.errors.IntrinsicFailure;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import io.autoremediate.engine.internal.intrinsics.functions.IntrinsicFunction;

/**
 * Parses an intrinsic function call such as {@code States.Format('{} is {}', $.a, States.Array(1))}.
 * String literals are single-quoted; a backslash escapes {@code ' { } \}.
 */
public final class IntrinsicParser {
    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** Whether a payload-template value is an intrinsic call rather than a path. */
    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /** Parses a call, throwing {@link IllegalArgumentException} naming what is wrong. */
    public static IntrinsicExpression.Call parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text.trim());
        IntrinsicExpression.Call call = parser.parseCall();
        parser.skipSpaces();
        if (parser.pos != parser.text.length()) {
            throw parser.error("unexpected text after the closing ')'");
        }
        return call;
    }

    private IntrinsicExpression.Call parseCall() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String name = text.substring(start, pos);
        IntrinsicFunction function = IntrinsicFunctions.find(name)
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an intrinsic function"));
        skipSpaces();
        expect('(');
        List<IntrinsicExpression> args = new ArrayList<>();
        skipSpaces();
        if (peek() != ')') {
            do {
                skipSpaces();
                args.add(parseArgument());
                skipSpaces();
            } while (tryConsume(','));
        }
        expect(')');
        try {
            function.checkArgumentCount(args.size());
        } catch (IntrinsicFailure e) {
            throw new IllegalArgumentException(e.errorCause(), e);
        }
        return new IntrinsicExpression.Call(function, args);
    }

    private IntrinsicExpression parseArgument() {
        char c = peek();
        if (c == '\'') {
            return parseString();
        }
        if (c == '$') {
            return parsePath();
        }
        if (text.startsWith("States.", pos)) {
            return parseCall();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
            pos++;
        }
        String token = text.substring(start, pos).trim();
        JsonNode literal = switch (token) {
            case "true" -> Json.NODES.booleanNode(true);
            case "false" -> Json.NODES.booleanNode(false);
            case "null" -> Json.NODES.nullNode();
            default -> parseNumber(token);
        };
        return new IntrinsicExpression.Literal(literal, null);
    }

    private JsonNode parseNumber(String token) {
        if (!token.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            throw error("'" + token + "' is not a string, number, boolean, null, path or function call");
        }
        try {
            return Json.MAPPER.readTree(token);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error("'" + token + "' is not a number");
        }
    }

    private IntrinsicExpression parseString() {
        expect('\'');
        StringBuilder value = new StringBuilder();
        int rawStart = pos;
        while (pos < text.length() && text.charAt(pos) != '\'') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("a string ends with a lone backslash");
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        String raw = text.substring(rawStart, pos);
        expect('\'');
        return new IntrinsicExpression.Literal(Json.NODES.textNode(value.toString()), raw);
    }

    private IntrinsicExpression parsePath() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            pos++;
        }
        String pathText = text.substring(start, pos).trim();
        try {
            return new IntrinsicExpression.PathArgument(JsonPath.parse(pathText));
        } catch (IllegalArgumentException e) {
            throw error("'" + pathText + "' is not a valid path: " + e.getMessage());
        }
    }

    private boolean tryConsume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String reason) {
        return new IllegalArgumentException(reason + " at position " + pos + " of \"" + text + "\"");
    }
}

package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parses the JSONPath syntax Step Functions accepts into {@link PathSegment}s. */
final class JsonPathParser {
    private final String text;
    private int pos;

    JsonPathParser(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a path must be a string");
        }
        this.text = text;
    }

    JsonPath parsePath() {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$'");
        }
        pos = 1;
        boolean context = false;
        if (peek() == '$') {
            context = true;
            pos++;
        }
        List<PathSegment> segments = parseSegments(false);
        if (pos < text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return new JsonPath(text, context, segments);
    }

    private List<PathSegment> parseSegments(boolean inFilter) {
        List<PathSegment> segments = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                pos++;
                if (peek() == '.') {
                    pos++;
                    segments.add(new PathSegment.DeepScan(peek() == '[' ? parseBracket() : parseDotName(inFilter)));
                } else {
                    segments.add(parseDotName(inFilter));
                }
            } else if (c == '[') {
                segments.add(parseBracket());
            } else {
                break;
            }
        }
        return segments;
    }

    private PathSegment parseDotName(boolean inFilter) {
        if (peek() == '*') {
            pos++;
            return new PathSegment.Wildcard();
        }
        int start = pos;
        while (pos < text.length() && !isNameEnd(text.charAt(pos), inFilter)) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw error("a field name is missing");
        }
        if (name.equals("length()")) {
            return new PathSegment.Length();
        }
        return new PathSegment.Field(name);
    }

    private static boolean isNameEnd(char c, boolean inFilter) {
        if (c == '.' || c == '[' || c == ']') {
            return true;
        }
        return inFilter && (Character.isWhitespace(c) || "=!<>)&|".indexOf(c) >= 0);
    }

    private PathSegment parseBracket() {
        expect('[');
        skipSpaces();
        PathSegment segment;
        if (peek() == '*') {
            pos++;
            segment = new PathSegment.Wildcard();
        } else if (peek() == '?') {
            segment = parseFilter();
        } else if (peek() == '\'' || peek() == '"') {
            List<PathSegment> names = new ArrayList<>();
            do {
                skipSpaces();
                names.add(new PathSegment.Field(parseQuoted()));
                skipSpaces();
            } while (tryConsume(','));
            segment = names.size() == 1 ? names.get(0) : new PathSegment.Union(names);
        } else {
            segment = parseIndexOrSlice();
        }
        skipSpaces();
        expect(']');
        return segment;
    }

    private PathSegment parseIndexOrSlice() {
        Integer first = parseOptionalInt();
        skipSpaces();
        if (peek() == ':') {
            pos++;
            Integer end = parseOptionalInt();
            Integer step = null;
            if (tryConsume(':')) {
                step = parseOptionalInt();
            }
            return new PathSegment.Slice(first, end, step);
        }
        if (first == null) {
            throw error("expected an index, a slice, '*', a quoted name or a filter inside '[...]'");
        }
        List<PathSegment> indices = new ArrayList<>(List.of(new PathSegment.Index(first)));
        while (tryConsume(',')) {
            skipSpaces();
            Integer next = parseOptionalInt();
            if (next == null) {
                throw error("expected an index after ','");
            }
            indices.add(new PathSegment.Index(next));
        }
        return indices.size() == 1 ? indices.get(0) : new PathSegment.Union(indices);
    }

    private Integer parseOptionalInt() {
        skipSpaces();
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start || (pos == start + 1 && text.charAt(start) == '-')) {
            pos = start;
            return null;
        }
        try {
            return Integer.parseInt(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("index out of range");
        }
    }

    private String parseQuoted() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        expect(quote);
        return sb.toString();
    }

    private PathSegment parseFilter() {
        expect('?');
        skipSpaces();
        expect('(');
        int start = pos;
        FilterPredicate predicate = parseOr();
        String source = text.substring(start, pos).trim();
        skipSpaces();
        expect(')');
        return new PathSegment.Filter(predicate, source);
    }

    private FilterPredicate parseOr() {
        FilterPredicate left = parseAnd();
        while (tryConsumeToken("||")) {
            FilterPredicate l = left;
            FilterPredicate r = parseAnd();
            left = (current, root) -> l.test(current, root) || r.test(current, root);
        }
        return left;
    }

    private FilterPredicate parseAnd() {
        FilterPredicate left = parseUnary();
        while (tryConsumeToken("&&")) {
            FilterPredicate l = left;
            FilterPredicate r = parseUnary();
            left = (current, root) -> l.test(current, root) && r.test(current, root);
        }
        return left;
    }

    private FilterPredicate parseUnary() {
        skipSpaces();
        if (peek() == '!' && pos + 1 < text.length() && text.charAt(pos + 1) != '=') {
            pos++;
            FilterPredicate inner = parseUnary();
            return (current, root) -> !inner.test(current, root);
        }
        if (peek() == '(') {
            pos++;
            FilterPredicate inner = parseOr();
            skipSpaces();
            expect(')');
            return inner;
        }
        FilterPredicate.Operand left = parseOperand();
        skipSpaces();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (tryConsumeToken(op)) {
                return FilterPredicate.compare(left, op, parseOperand());
            }
        }
        return FilterPredicate.exists(left);
    }

    private FilterPredicate.Operand parseOperand() {
        skipSpaces();
        char c = peek();
        if (c == '@' || c == '$') {
            pos++;
            return FilterPredicate.path(c == '@', parseSegments(true));
        }
        if (c == '\'' || c == '"') {
            return FilterPredicate.literal(Json.NODES.textNode(parseQuoted()));
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                && "=!<>)&|".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String token = text.substring(start, pos);
        try {
            JsonNode literal = Json.MAPPER.readTree(token);
            if (literal == null || literal.isContainerNode() || literal.isMissingNode()) {
                throw error("unsupported filter operand '" + token + "'");
            }
            return FilterPredicate.literal(literal);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error("unsupported filter operand '" + token + "'");
        }
    }

    private boolean tryConsumeToken(String token) {
        skipSpaces();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private boolean tryConsume(char c) {
        skipSpaces();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
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
        return new IllegalArgumentException(reason + " at position " + pos);
    }
}

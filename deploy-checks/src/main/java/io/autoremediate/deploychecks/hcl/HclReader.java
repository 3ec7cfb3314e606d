package io.autoremediate.deploychecks.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the structure of HCL native syntax (Terraform's {@code .tf} files): blocks with labels, attributes,
 * comments ({@code #}, {@code //}, {@code /* *}{@code /}), strings with nested interpolation, heredocs, and
 * literal tuples and objects. Expressions beyond literals are kept as text ({@link HclExpression.Raw}),
 * never evaluated. Errors name the file and line.
 *
 * <p>Written for deploy-checks because the HCL parser on Maven Central (hcl4j 0.9.4) evaluates expressions
 * as it reads: it turns {@code aws_lambda_alias.live["notify"].arn} into {@code aws_lambda_alias.live.value.arn},
 * resolves conditionals on unknown variables, and rejects object for-expressions; the checks need the text.
 */
public final class HclReader {

    private static final Pattern IDENTIFIER_START = Pattern.compile("[A-Za-z_]");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern FOR_EXPRESSION = Pattern.compile("^[\\[{]\\s*for\\s", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_]*)\\r?\\n");

    private final String text;
    private final String file;
    private int pos;

    private HclReader(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /** Reads one file's top-level body. */
    public static HclBody read(Path path) {
        try {
            return read(Files.readString(path, StandardCharsets.UTF_8), path.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Reads {@code text}; {@code file} names it in errors and in {@link HclBlock#file()}. */
    public static HclBody read(String text, String file) {
        HclReader reader = new HclReader(text, file);
        HclBody body = reader.body(false);
        if (reader.pos < text.length()) {
            throw reader.error(reader.pos, "unexpected '" + text.charAt(reader.pos) + "'");
        }
        return body;
    }

    /** Parses one expression on its own, e.g. a value taken from a larger one. */
    public static HclExpression expression(String source) {
        return new HclReader(source, "<expression>").parseExpression(source, 0);
    }

    private HclBody body(boolean nested) {
        Map<String, HclExpression> attributes = new LinkedHashMap<>();
        List<HclBlock> blocks = new ArrayList<>();
        while (true) {
            skipSpaceAndComments(true);
            if (pos >= text.length()) {
                if (nested) {
                    throw error(pos, "block not closed: missing '}'");
                }
                break;
            }
            if (text.charAt(pos) == '}') {
                if (!nested) {
                    throw error(pos, "'}' without a block to close");
                }
                pos++;
                break;
            }
            int start = pos;
            String name = identifier();
            skipSpaceAndComments(false);
            if (pos < text.length() && text.charAt(pos) == '=' && !text.startsWith("==", pos)) {
                pos++;
                int exprStart = pos;
                String source = scan(pos, false);
                if (attributes.containsKey(name)) {
                    throw error(start, "attribute '" + name + "' is set twice");
                }
                attributes.put(name, parseExpression(source, exprStart));
                continue;
            }
            List<String> labels = new ArrayList<>();
            while (pos < text.length() && text.charAt(pos) != '{') {
                if (text.charAt(pos) == '"') {
                    int end = skipQuoted(pos);
                    labels.add(unescape(text.substring(pos + 1, end - 1)).text());
                    pos = end;
                } else if (IDENTIFIER_START.matcher(String.valueOf(text.charAt(pos))).matches()) {
                    labels.add(identifier());
                } else {
                    throw error(pos, "expected '=', a label or '{' after '" + name + "'");
                }
                skipSpaceAndComments(false);
            }
            if (pos >= text.length()) {
                throw error(start, "block '" + name + "' has no body");
            }
            pos++;
            blocks.add(new HclBlock(name, labels, body(true), file, line(start)));
        }
        return new HclBody(attributes, blocks);
    }

    private String identifier() {
        int start = pos;
        if (pos >= text.length() || !IDENTIFIER_START.matcher(String.valueOf(text.charAt(pos))).matches()) {
            throw error(pos, "expected a name");
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '-')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpaceAndComments(boolean newlines) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n' && !newlines) {
                return;
            }
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error(pos, "comment not closed: missing '*/'");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    /**
     * Scans an expression from {@code start} to its end: a newline (unless {@code inCollection}) or, inside a
     * tuple or object, a ',' at depth 0; or the bracket that closes the enclosing one. Leaves {@link #pos} at
     * the end and returns the text with comments blanked out.
     */
    private String scan(int start, boolean inCollection) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = skipQuoted(i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (c == '<' && text.startsWith("<<", i)) {
                var heredoc = HEREDOC.matcher(text).region(i, text.length());
                if (heredoc.lookingAt()) {
                    int end = heredocEnd(heredoc.end(), heredoc.group(1), i);
                    out.append(text, i, end);
                    i = end;
                    continue;
                }
            }
            if (c == '#' || text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw error(i, "comment not closed: missing '*/'");
                }
                out.append(' ');
                i = end + 2;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && c == ',' && inCollection) {
                break;
            } else if (depth == 0 && c == '\n') {
                break;
            }
            out.append(c);
            i++;
        }
        pos = i;
        String source = out.toString().strip();
        if (source.isEmpty()) {
            throw error(start, "expected an expression");
        }
        return source;
    }

    private HclExpression parseExpression(String source, int at) {
        if (source.startsWith("\"") && new HclReader(source, file).skipQuoted(0) == source.length()) {
            Unescaped string = unescape(source.substring(1, source.length() - 1));
            return string.interpolated() ? new HclExpression.Template(string.text(), source)
                    : new HclExpression.Literal(string.text(), source);
        }
        if ((source.startsWith("[") || source.startsWith("{")) && !FOR_EXPRESSION.matcher(source).find()
                && closes(source)) {
            return source.startsWith("[") ? tuple(source, at) : object(source, at);
        }
        if (NUMBER.matcher(source).matches()) {
            return new HclExpression.Literal(new BigDecimal(source), source);
        }
        return switch (source) {
            case "true" -> new HclExpression.Literal(Boolean.TRUE, source);
            case "false" -> new HclExpression.Literal(Boolean.FALSE, source);
            case "null" -> new HclExpression.Literal(null, source);
            default -> new HclExpression.Raw(source);
        };
    }

    /** True when the bracket opening {@code source} is closed by its last character. */
    private boolean closes(String source) {
        HclReader inner = new HclReader(source, file);
        int depth = 0;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                i = inner.skipQuoted(i);
                continue;
            }
            if (c == '#' || source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return i == source.length() - 1;
            }
            i++;
        }
        return false;
    }

    private HclExpression tuple(String source, int at) {
        List<HclExpression> elements = new ArrayList<>();
        HclReader inner = new HclReader(source, file);
        int i = skipBlank(source, 1);
        while (i < source.length() - 1) {
            String element = inner.scan(i, true);
            elements.add(inner.parseExpression(element, at));
            i = inner.pos;
            if (source.charAt(i) == ',') {
                i++;
            }
            i = skipBlank(source, i);
        }
        return new HclExpression.Tuple(elements, source);
    }

    private HclExpression object(String source, int at) {
        Map<String, HclExpression> items = new LinkedHashMap<>();
        HclReader inner = new HclReader(source, file);
        inner.pos = 1;
        while (true) {
            inner.skipSpaceAndComments(true);
            while (inner.pos < source.length() && source.charAt(inner.pos) == ',') {
                inner.pos++;
                inner.skipSpaceAndComments(true);
            }
            if (inner.pos >= source.length() - 1) {
                break;
            }
            String key;
            if (source.charAt(inner.pos) == '"') {
                int end = inner.skipQuoted(inner.pos);
                key = unescape(source.substring(inner.pos + 1, end - 1)).text();
                inner.pos = end;
            } else if (source.charAt(inner.pos) == '(') {
                int end = source.indexOf(')', inner.pos);
                key = source.substring(inner.pos, end + 1);
                inner.pos = end + 1;
            } else {
                key = inner.identifier();
            }
            inner.skipSpaceAndComments(false);
            char separator = inner.pos < source.length() ? source.charAt(inner.pos) : '?';
            if (separator != '=' && separator != ':') {
                throw error(at, "object key '" + key + "' is not followed by '=' or ':' in " + source);
            }
            inner.pos++;
            String value = inner.scan(inner.pos, true);
            items.put(key, inner.parseExpression(value, at));
        }
        return new HclExpression.ObjectValue(items, source);
    }

    private static int skipBlank(String source, int i) {
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just past the string that opens at {@code start}, interpolations (and strings in them) included. */
    private int skipQuoted(int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                throw error(start, "string not closed on its line");
            } else if ((c == '$' || c == '%') && text.startsWith("{", i + 1)
                    && !(i > start + 1 && text.charAt(i - 1) == c)) {
                i = skipInterpolation(i + 2, start);
            } else {
                i++;
            }
        }
        throw error(start, "string not closed");
    }

    private int skipInterpolation(int i, int stringStart) {
        int depth = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = skipQuoted(i);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        throw error(stringStart, "interpolation not closed");
    }

    private int heredocEnd(int bodyStart, String marker, int start) {
        int i = bodyStart;
        while (i < text.length()) {
            int lineEnd = text.indexOf('\n', i);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            if (text.substring(i, end).strip().equals(marker)) {
                return end;
            }
            i = end + 1;
        }
        throw error(start, "heredoc not closed: missing line '" + marker + "'");
    }

    private record Unescaped(String text, boolean interpolated) {
    }

    /** HCL string escapes; {@code $${} and {@code %%{} stand for a literal {@code ${} and {@code %{}. */
    private static Unescaped unescape(String body) {
        StringBuilder out = new StringBuilder();
        boolean interpolated = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else if ((c == '$' || c == '%') && body.startsWith(c + "" + c + "{", i)) {
                out.append(c).append('{');
                i += 2;
            } else {
                if ((c == '$' || c == '%') && body.startsWith("{", i + 1)) {
                    interpolated = true;
                }
                out.append(c);
            }
        }
        return new Unescaped(out.toString(), interpolated);
    }

    private int line(int at) {
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private HclSyntaxException error(int at, String message) {
        return new HclSyntaxException(file + ":" + line(at) + ": " + message);
    }
}

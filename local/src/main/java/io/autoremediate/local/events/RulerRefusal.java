package io.autoremediate.local.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says where and why event-ruler refused a pattern: it judges, and reports a line and column in its own words; this
 * turns the column into the field's path and, for the refusals people meet, adds what to write instead.
 */
final class RulerRefusal {

    private static final JsonFactory PARSERS = new JsonFactory();
    private static final String OR = "$or";
    private static final String OPERATORS =
            "prefix, suffix, anything-but, exists, numeric, equals-ignore-case, wildcard, cidr";

    /** Event-ruler's messages (the first line, without the location) and how to say them to the user. */
    private static final List<Explanation> EXPLANATIONS = List.of(
            new Explanation("Filter is not an object", m -> "a pattern must be a JSON object"),
            new Explanation("Empty objects are not allowed", m -> "a pattern object needs at least one field"),
            new Explanation("Empty arrays are not allowed", m -> "the value array must not be empty"),
            new Explanation("\"[^\"]*\" must be an object or an array",
                    m -> "must be an array of values or a nested object; write [value] to match one value"),
            new Explanation("Unrecognized match type (.*)",
                    m -> "unknown operator '" + m.group(1) + "'; use one of " + OPERATORS),
            new Explanation("Match expression name not found",
                    m -> "an operator object needs an operator; use one of " + OPERATORS),
            new Explanation("Only one key allowed in match expression",
                    m -> "an operator object must have exactly one operator, e.g. {\"prefix\": \"webapp-\"}"),
            new Explanation("([\\w/-]+) match pattern must be a string", m -> m.group(1) + " takes a string"),
            new Explanation("exists match pattern must be either true or false\\.",
                    m -> "exists takes true or false"),
            new Explanation("Value of numeric must be an array\\.",
                    m -> "numeric takes [operator, number] pairs, e.g. [\">\", 0, \"<=\", 5]"),
            new Explanation("Value of (\\S+) must be numeric",
                    m -> "numeric operator '" + m.group(1) + "' needs a number"),
            new Explanation("Unrecognized numeric range operator: (.*)",
                    m -> "numeric operator must be one of =, <, <=, >, >=; got " + m.group(1)),
            new Explanation("Match value must be String, number, true, false, or null",
                    m -> "arrays inside a value array are not allowed; list strings, numbers, true, false, null"
                            + " or operator objects"),
            new Explanation("There must have at least 2 Objects in \\$or relationship\\.",
                    m -> "$or takes an array of at least two pattern objects"),
            new Explanation("It must be an Array followed with \\$or\\.",
                    m -> "$or takes an array of at least two pattern objects"),
            new Explanation("Only JSON object is allowed in array of \\$or relationship\\.",
                    m -> "each $or alternative must be a pattern object"));

    private RulerRefusal() {
    }

    /** The refusal of {@code patternText} as an error naming the field, the problem and event-ruler's words. */
    static InvalidEventPatternException explain(String patternText, JsonParseException refusal) {
        // Some of its messages carry the location on a second line of their own; the path says it better.
        String rulerMessage = refusal.getOriginalMessage().strip().lines().findFirst().orElse("").strip();
        String fieldPath = refusal.getLocation() == null || refusal.getLocation().getCharOffset() < 0 ? null
                : fieldAt(patternText, refusal.getLocation().getCharOffset());
        for (Explanation explanation : EXPLANATIONS) {
            Matcher matcher = explanation.message().matcher(rulerMessage);
            if (matcher.matches()) {
                return new InvalidEventPatternException(fieldPath,
                        explanation.say().apply(matcher) + " (event-ruler: " + rulerMessage + ")");
            }
        }
        return new InvalidEventPatternException(fieldPath, rulerMessage);
    }

    /**
     * The dotted path of the pattern field at {@code offset}: object keys from the root, down to the field whose
     * value array holds the offending entry (an operator object's own key is not a field; $or alternatives are).
     */
    static String fieldAt(String patternText, long offset) {
        String path = "";
        try (JsonParser parser = PARSERS.createParser(patternText)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (parser.currentTokenLocation().getCharOffset() >= offset) {
                    break;
                }
                path = fieldPath(parser.getParsingContext());
            }
        } catch (IOException unreadable) {
            // The text ends or breaks before the offset: the path read so far is where it went wrong.
        }
        return path;
    }

    private static String fieldPath(JsonStreamContext innermost) {
        Deque<JsonStreamContext> fromRoot = new ArrayDeque<>();
        for (JsonStreamContext context = innermost; context != null; context = context.getParent()) {
            fromRoot.push(context);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext context : fromRoot) {
            if (context.inObject()) {
                if (isOperatorObject(context)) {
                    break;
                }
                if (context.getCurrentName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(context.getCurrentName());
                }
            }
        }
        return path.toString();
    }

    /** An object inside an array is an operator object ({"prefix": ...}) unless the array is $or's. */
    private static boolean isOperatorObject(JsonStreamContext object) {
        JsonStreamContext array = object.getParent();
        if (array == null || !array.inArray()) {
            return false;
        }
        JsonStreamContext holder = array.getParent();
        return holder == null || !OR.equals(holder.getCurrentName());
    }

    private record Explanation(Pattern message, Function<Matcher, String> say) {
        Explanation(String message, Function<Matcher, String> say) {
            this(Pattern.compile(message), say);
        }
    }
}

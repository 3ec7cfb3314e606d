package io.autoremediate.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.events.EventPattern.FieldRule;
import io.autoremediate.local.events.EventPattern.LeafRule;
import io.autoremediate.local.events.EventPattern.NestedRule;
import io.autoremediate.local.events.EventPattern.ObjectRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns pattern JSON into matchers, rejecting what EventBridge rejects with the path of the bad field. */
final class EventPatternParser {

    private static final String OR = "$or";
    private static final List<String> OPERATORS = List.of(
            "prefix", "suffix", "anything-but", "exists", "numeric", "equals-ignore-case", "wildcard");

    private EventPatternParser() {
    }

    static ObjectRule parse(JsonNode pattern) {
        if (!pattern.isObject()) {
            throw new InvalidEventPatternException("", "a pattern must be a JSON object, got " + describe(pattern));
        }
        if (pattern.isEmpty()) {
            throw new InvalidEventPatternException("", "a pattern needs at least one field");
        }
        return objectRule(pattern, "");
    }

    private static ObjectRule objectRule(JsonNode object, String path) {
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        List<ObjectRule> anyOf = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (OR.equals(field.getKey())) {
                anyOf.addAll(alternatives(field.getValue(), fieldPath));
            } else {
                fields.put(field.getKey(), fieldRule(field.getValue(), fieldPath));
            }
        }
        return new ObjectRule(fields, anyOf);
    }

    private static List<ObjectRule> alternatives(JsonNode value, String path) {
        if (!value.isArray() || value.size() < 2) {
            throw new InvalidEventPatternException(path, "$or takes an array of at least two pattern objects");
        }
        List<ObjectRule> alternatives = new ArrayList<>();
        for (JsonNode alternative : value) {
            if (!alternative.isObject() || alternative.isEmpty()) {
                throw new InvalidEventPatternException(path,
                        "each $or alternative must be a non-empty pattern object, got " + describe(alternative));
            }
            alternatives.add(objectRule(alternative, path));
        }
        return alternatives;
    }

    private static FieldRule fieldRule(JsonNode value, String path) {
        if (value.isObject()) {
            if (value.isEmpty()) {
                throw new InvalidEventPatternException(path, "a nested pattern object needs at least one field");
            }
            return new NestedRule(objectRule(value, path));
        }
        if (!value.isArray()) {
            throw new InvalidEventPatternException(path, "must be an array of values or a nested object, got "
                    + describe(value) + "; write [" + value + "] to match that value");
        }
        if (value.isEmpty()) {
            throw new InvalidEventPatternException(path, "the value array must not be empty");
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        for (JsonNode entry : value) {
            matchers.add(valueMatcher(entry, path));
        }
        return new LeafRule(matchers);
    }

    private static ValueMatcher valueMatcher(JsonNode entry, String path) {
        if (entry.isTextual() || entry.isNumber() || entry.isBoolean() || entry.isNull()) {
            return new ValueMatcher.Exact(entry);
        }
        if (entry.isArray()) {
            throw new InvalidEventPatternException(path, "arrays inside a value array are not allowed");
        }
        if (entry.size() != 1) {
            throw new InvalidEventPatternException(path, "an operator object must have exactly one operator, got "
                    + entry + "; use one of " + OPERATORS);
        }
        Map.Entry<String, JsonNode> operator = entry.properties().iterator().next();
        JsonNode operand = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> new ValueMatcher.Prefix(caseAwareText(operand, path, "prefix"),
                    operand.isObject());
            case "suffix" -> new ValueMatcher.Suffix(caseAwareText(operand, path, "suffix"),
                    operand.isObject());
            case "equals-ignore-case" -> new ValueMatcher.EqualsIgnoreCase(text(operand, path, "equals-ignore-case"));
            case "wildcard" -> ValueMatcher.Wildcard.of(text(operand, path, "wildcard"));
            case "exists" -> exists(operand, path);
            case "numeric" -> numeric(operand, path);
            case "anything-but" -> anythingBut(operand, path);
            default -> throw new InvalidEventPatternException(path,
                    "unknown operator '" + operator.getKey() + "'; use one of " + OPERATORS);
        };
    }

    /** {@code "text"} or {@code {"equals-ignore-case": "text"}}, as prefix and suffix accept. */
    private static String caseAwareText(JsonNode operand, String path, String operator) {
        if (operand.isObject() && operand.size() == 1 && operand.has("equals-ignore-case")) {
            return text(operand.get("equals-ignore-case"), path, operator + ".equals-ignore-case");
        }
        return text(operand, path, operator);
    }

    private static String text(JsonNode operand, String path, String operator) {
        if (!operand.isTextual()) {
            throw new InvalidEventPatternException(path, operator + " takes a string, got " + describe(operand));
        }
        return operand.asText();
    }

    private static ValueMatcher exists(JsonNode operand, String path) {
        if (!operand.isBoolean()) {
            throw new InvalidEventPatternException(path, "exists takes true or false, got " + describe(operand));
        }
        return new ValueMatcher.Exists(operand.asBoolean());
    }

    private static ValueMatcher numeric(JsonNode operand, String path) {
        if (!operand.isArray() || operand.isEmpty() || operand.size() % 2 != 0 || operand.size() > 4) {
            throw new InvalidEventPatternException(path, "numeric takes one or two [operator, number] pairs, e.g."
                    + " [\">\", 0, \"<=\", 5], got " + operand);
        }
        List<ValueMatcher.Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < operand.size(); i += 2) {
            JsonNode op = operand.get(i);
            JsonNode number = operand.get(i + 1);
            if (!op.isTextual() || !ValueMatcher.Comparison.OPERATORS.contains(op.asText())) {
                throw new InvalidEventPatternException(path, "numeric operator must be one of "
                        + ValueMatcher.Comparison.OPERATORS + ", got " + op);
            }
            if (!number.isNumber()) {
                throw new InvalidEventPatternException(path, "numeric operator '" + op.asText()
                        + "' needs a number, got " + describe(number));
            }
            comparisons.add(new ValueMatcher.Comparison(op.asText(), number.decimalValue()));
        }
        return new ValueMatcher.Numeric(comparisons);
    }

    private static ValueMatcher anythingBut(JsonNode operand, String path) {
        if (operand.isTextual() || operand.isNumber()) {
            return new ValueMatcher.AnythingBut(List.of(new ValueMatcher.Exact(operand)));
        }
        if (operand.isArray()) {
            if (operand.isEmpty()) {
                throw new InvalidEventPatternException(path, "anything-but needs at least one value");
            }
            List<ValueMatcher> excluded = new ArrayList<>();
            for (JsonNode value : operand) {
                if (!value.isTextual() && !value.isNumber()) {
                    throw new InvalidEventPatternException(path,
                            "anything-but values must be strings or numbers, got " + describe(value));
                }
                excluded.add(new ValueMatcher.Exact(value));
            }
            return new ValueMatcher.AnythingBut(excluded);
        }
        if (operand.isObject() && operand.size() == 1) {
            String nested = operand.fieldNames().next();
            JsonNode nestedOperand = operand.get(nested);
            ValueMatcher excluded = switch (nested) {
                case "prefix" -> new ValueMatcher.Prefix(text(nestedOperand, path, "anything-but.prefix"), false);
                case "suffix" -> new ValueMatcher.Suffix(text(nestedOperand, path, "anything-but.suffix"), false);
                case "equals-ignore-case" -> new ValueMatcher.EqualsIgnoreCase(
                        text(nestedOperand, path, "anything-but.equals-ignore-case"));
                default -> throw new InvalidEventPatternException(path, "anything-but accepts a value, an array of"
                        + " values, or {prefix|suffix|equals-ignore-case: text}; got '" + nested + "'");
            };
            return new ValueMatcher.AnythingBut(List.of(excluded));
        }
        throw new InvalidEventPatternException(path, "anything-but accepts a value, an array of values, or"
                + " {prefix|suffix|equals-ignore-case: text}; got " + operand);
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node;
    }
}

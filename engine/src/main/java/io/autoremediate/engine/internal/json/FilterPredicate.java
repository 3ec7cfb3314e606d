package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A filter expression {@code [?(...)]} evaluated against one candidate node ({@code @}). */
@FunctionalInterface
public interface FilterPredicate {

    boolean test(JsonNode current, JsonNode root);

    /** A value in a filter: a path relative to {@code @} or {@code $}, or a literal. */
    interface Operand {
        Optional<JsonNode> value(JsonNode current, JsonNode root);
    }

    static Operand literal(JsonNode value) {
        return (current, root) -> Optional.of(value);
    }

    static Operand path(boolean relative, List<PathSegment> segments) {
        JsonPath path = new JsonPath(relative ? "@" : "$", false, segments);
        return (current, root) -> {
            List<JsonNode> found = path.select(relative ? current : root);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        };
    }

    static FilterPredicate exists(Operand operand) {
        return (current, root) -> operand.value(current, root)
                .map(v -> !v.isBoolean() || v.booleanValue())
                .orElse(false);
    }

    static FilterPredicate compare(Operand left, String operator, Operand right) {
        return (current, root) -> {
            Optional<JsonNode> l = left.value(current, root);
            Optional<JsonNode> r = right.value(current, root);
            if (l.isEmpty() || r.isEmpty()) {
                return operator.equals("!=") && (l.isPresent() || r.isPresent());
            }
            return switch (operator) {
                case "==" -> equal(l.get(), r.get());
                case "!=" -> !equal(l.get(), r.get());
                default -> ordered(l.get(), r.get(), operator);
            };
        };
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static boolean ordered(JsonNode a, JsonNode b, String operator) {
        int cmp;
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            cmp = x.compareTo(b.decimalValue());
        } else if (a.isTextual() && b.isTextual()) {
            cmp = a.textValue().compareTo(b.textValue());
        } else {
            return false;
        }
        return switch (operator) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> false;
        };
    }
}

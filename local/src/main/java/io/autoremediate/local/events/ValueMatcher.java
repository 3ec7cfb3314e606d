package io.autoremediate.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of a pattern's value list, e.g. {@code "ALARM"} or {@code {"prefix": "webapp-"}}. A field matches
 * when any entry of its list matches (EventBridge user guide, "Content filtering in Amazon EventBridge event
 * patterns").
 */
sealed interface ValueMatcher {

    /** Whether the matcher accepts {@code value}, a scalar (text, number, boolean or null) present in the event. */
    boolean matches(JsonNode value);

    /** Whether the matcher accepts a field that is absent from the event; only {@code exists: false} does. */
    default boolean matchesAbsent() {
        return false;
    }

    /** A literal: strings compare exactly, numbers by value, {@code null} matches a JSON null. */
    record Exact(JsonNode expected) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            if (expected.isNumber() && value.isNumber()) {
                return expected.decimalValue().compareTo(value.decimalValue()) == 0;
            }
            return expected.equals(value);
        }
    }

    record Prefix(String prefix, boolean ignoreCase) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.asText().regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
        }
    }

    record Suffix(String suffix, boolean ignoreCase) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            String text = value.asText();
            return value.isTextual() && text.length() >= suffix.length()
                    && text.regionMatches(ignoreCase, text.length() - suffix.length(), suffix, 0, suffix.length());
        }
    }

    record EqualsIgnoreCase(String expected) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && value.asText().equalsIgnoreCase(expected);
        }
    }

    /** {@code *} matches any run of characters; everything else is literal. */
    record Wildcard(Pattern regex) implements ValueMatcher {
        static Wildcard of(String wildcard) {
            StringBuilder regex = new StringBuilder();
            for (String literal : wildcard.split("\\*", -1)) {
                if (regex.length() > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(literal));
            }
            return new Wildcard(Pattern.compile(regex.toString(), Pattern.DOTALL));
        }

        @Override
        public boolean matches(JsonNode value) {
            return value.isTextual() && regex.matcher(value.asText()).matches();
        }
    }

    /** Matches a present value that none of the excluded matchers accept. */
    record AnythingBut(List<ValueMatcher> excluded) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            return !value.isNull() && excluded.stream().noneMatch(m -> m.matches(value));
        }
    }

    record Exists(boolean shouldExist) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            return shouldExist;
        }

        @Override
        public boolean matchesAbsent() {
            return !shouldExist;
        }
    }

    /** Every comparison must hold, e.g. {@code [">", 0, "<=", 5]}. */
    record Numeric(List<Comparison> comparisons) implements ValueMatcher {
        @Override
        public boolean matches(JsonNode value) {
            return value.isNumber() && comparisons.stream().allMatch(c -> c.holdsFor(value.decimalValue()));
        }
    }

    record Comparison(String operator, BigDecimal operand) {
        static final List<String> OPERATORS = List.of("=", "<", "<=", ">", ">=");

        boolean holdsFor(BigDecimal value) {
            int order = value.compareTo(operand);
            return switch (operator) {
                case "=" -> order == 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException("unvalidated numeric operator " + operator);
            };
        }
    }
}

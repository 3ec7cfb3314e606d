package io.autoremediate.engine.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.json.Timestamps;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntPredicate;

/** The comparison operators of Choice Rules (spec "Choice Rules"), each with its {@code ...Path} variant. */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, c -> c == 0),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, c -> c < 0),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, c -> c > 0),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, c -> c <= 0),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, c -> c >= 0),
    STRING_MATCHES("StringMatches", Kind.PATTERN, c -> c == 0),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, c -> c == 0),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, c -> c < 0),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, c -> c > 0),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, c -> c <= 0),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, c -> c >= 0),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, c -> c == 0),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, c -> c == 0),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, c -> c < 0),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, c -> c > 0),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, c -> c <= 0),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, c -> c >= 0),
    IS_NULL("IsNull", Kind.TYPE_TEST, c -> true),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, c -> true),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, c -> true),
    IS_STRING("IsString", Kind.TYPE_TEST, c -> true),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, c -> true),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, c -> true);

    /** The value type an operator compares. */
    public enum Kind { STRING, PATTERN, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    private final String fieldName;
    private final Kind kind;
    private final IntPredicate onComparison;

    ComparisonOperator(String fieldName, Kind kind, IntPredicate onComparison) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.onComparison = onComparison;
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the operator has a {@code ...Path} form (all but StringMatches and the type tests). */
    public boolean hasPathForm() {
        return kind != Kind.PATTERN && kind != Kind.TYPE_TEST;
    }

    /** Finds the operator for a rule field name, {@code ...Path} forms included. */
    public static Optional<Match> forField(String field) {
        return Arrays.stream(values()).flatMap(op -> {
            if (op.fieldName.equals(field)) {
                return java.util.stream.Stream.of(new Match(op, false));
            }
            if (op.hasPathForm() && (op.fieldName + "Path").equals(field)) {
                return java.util.stream.Stream.of(new Match(op, true));
            }
            return java.util.stream.Stream.empty();
        }).findFirst();
    }

    /** An operator as named by a rule field, and whether the field was its {@code ...Path} form. */
    public record Match(ComparisonOperator operator, boolean pathForm) {
    }

    /** Whether a literal (not path) comparison value has the type this operator needs. */
    public boolean acceptsLiteral(JsonNode value) {
        return switch (kind) {
            case STRING, PATTERN -> value.isTextual();
            case NUMERIC -> value.isNumber();
            case BOOLEAN, TYPE_TEST -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()).isPresent();
        };
    }

    boolean test(JsonNode actual, JsonNode expected) {
        return switch (kind) {
            case STRING -> actual.isTextual() && expected.isTextual()
                    && onComparison.test(actual.textValue().compareTo(expected.textValue()));
            case PATTERN -> actual.isTextual() && StringPattern.matches(expected.textValue(), actual.textValue());
            case NUMERIC -> actual.isNumber() && expected.isNumber()
                    && onComparison.test(compareNumbers(actual, expected));
            case BOOLEAN -> actual.isBoolean() && expected.isBoolean()
                    && actual.booleanValue() == expected.booleanValue();
            case TIMESTAMP -> compareTimestamps(actual, expected);
            case TYPE_TEST -> typeTest(actual) == expected.booleanValue();
        };
    }

    /** Compares exactly; integers that fit a long (most counters) without making BigDecimals. */
    private static int compareNumbers(JsonNode actual, JsonNode expected) {
        if (fitsLong(actual) && fitsLong(expected)) {
            return Long.compare(actual.longValue(), expected.longValue());
        }
        return actual.decimalValue().compareTo(expected.decimalValue());
    }

    private static boolean fitsLong(JsonNode number) {
        return number.isInt() || number.isLong() || number.isShort();
    }

    private boolean compareTimestamps(JsonNode actual, JsonNode expected) {
        Optional<Instant> a = actual.isTextual() ? Timestamps.parse(actual.textValue()) : Optional.empty();
        Optional<Instant> b = expected.isTextual() ? Timestamps.parse(expected.textValue()) : Optional.empty();
        return a.isPresent() && b.isPresent() && onComparison.test(a.get().compareTo(b.get()));
    }

    private boolean typeTest(JsonNode actual) {
        return switch (this) {
            case IS_NULL -> actual.isNull();
            case IS_NUMERIC -> actual.isNumber();
            case IS_STRING -> actual.isTextual();
            case IS_BOOLEAN -> actual.isBoolean();
            case IS_TIMESTAMP -> actual.isTextual() && Timestamps.parse(actual.textValue()).isPresent();
            default -> throw new IllegalStateException(fieldName + " is not a type test");
        };
    }
}

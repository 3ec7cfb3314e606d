package io.autoremediate.engine.internal.choice;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.json.JsonPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Reads a Choice Rule, reporting malformed ones: a rule is a comparison, or exactly one of And, Or, Not. */
public final class ChoiceRuleParser {
    private ChoiceRuleParser() {
    }

    public static Optional<ChoiceRule> parse(JsonNode rule, Problems problems) {
        if (!rule.isObject()) {
            problems.add("a Choice Rule must be an object, but was " + Json.write(rule));
            return Optional.empty();
        }
        if (rule.has("And") || rule.has("Or")) {
            String op = rule.has("And") ? "And" : "Or";
            JsonNode nested = rule.get(op);
            if (!nested.isArray() || nested.isEmpty()) {
                problems.add("'" + op + "' must be a non-empty array of Choice Rules");
                return Optional.empty();
            }
            List<ChoiceRule> rules = new ArrayList<>();
            for (int i = 0; i < nested.size(); i++) {
                JsonNode element = nested.get(i);
                Problems here = problems.within(op + "[" + i + "]");
                if (element.has("Next")) {
                    here.add("'Next' is allowed only on top-level Choice Rules");
                }
                parse(element, here).ifPresent(rules::add);
            }
            if (rules.size() != nested.size()) {
                return Optional.empty();
            }
            return Optional.of(op.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules));
        }
        if (rule.has("Not")) {
            JsonNode nested = rule.get("Not");
            if (nested.has("Next")) {
                problems.within("Not").add("'Next' is allowed only on top-level Choice Rules");
            }
            return parse(nested, problems.within("Not")).map(ChoiceRule.Not::new);
        }
        return parseComparison(rule, problems);
    }

    private static Optional<ChoiceRule> parseComparison(JsonNode rule, Problems problems) {
        FieldReader r = new FieldReader(rule, problems);
        ComparisonOperator.Match match = null;
        Iterator<String> fields = rule.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (field.equals("Variable") || field.equals("Next") || field.equals("Comment")) {
                continue;
            }
            Optional<ComparisonOperator.Match> found = ComparisonOperator.forField(field);
            if (found.isEmpty()) {
                problems.add("'" + field + "' is not a Choice Rule operator");
            } else if (match != null) {
                problems.add("a Choice Rule must have exactly one comparison operator, but has '"
                        + match.operator().fieldName() + "' and '" + field + "'");
                return Optional.empty();
            } else {
                match = found.get();
            }
        }
        if (match == null) {
            problems.add("a Choice Rule needs a comparison operator or And, Or, Not");
            return Optional.empty();
        }
        Optional<JsonPath> variable = r.requiredString("Variable").isPresent()
                ? r.path("Variable", false) : Optional.empty();
        ComparisonOperator op = match.operator();
        String field = match.pathForm() ? op.fieldName() + "Path" : op.fieldName();
        if (match.pathForm()) {
            Optional<JsonPath> valuePath = r.path(field, true);
            if (variable.isEmpty() || valuePath.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Comparison(variable.get(), op, null, valuePath.get()));
        }
        JsonNode literal = rule.get(field);
        if (!op.acceptsLiteral(literal)) {
            String wanted = switch (op.kind()) {
                case STRING, PATTERN -> "a string";
                case NUMERIC -> "a number";
                case BOOLEAN, TYPE_TEST -> "true or false";
                case TIMESTAMP -> "an RFC 3339 timestamp string";
            };
            problems.add("'" + field + "' must be " + wanted + ", but was " + Json.write(literal));
            return Optional.empty();
        }
        return variable.map(v -> new Comparison(v, op, literal, null));
    }
}

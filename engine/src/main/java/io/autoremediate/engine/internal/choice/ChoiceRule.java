package io.autoremediate.engine.internal.choice;

import io.autoremediate.engine.internal.json.Scope;
import java.util.List;

/** A Choice Rule (spec "Choice Rules"): a comparison, or And/Or/Not of nested rules. */
public sealed interface ChoiceRule permits ChoiceRule.And, ChoiceRule.Or, ChoiceRule.Not, Comparison {

    /** Whether the rule matches the Choice state's effective input ({@code $}) and context ({@code $$}). */
    boolean matches(Scope scope);

    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(Scope scope) {
            return rules.stream().allMatch(r -> r.matches(scope));
        }
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(Scope scope) {
            return rules.stream().anyMatch(r -> r.matches(scope));
        }
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(Scope scope) {
            return !rule.matches(scope);
        }
    }
}

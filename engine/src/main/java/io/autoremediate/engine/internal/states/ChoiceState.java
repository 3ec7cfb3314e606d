package io.autoremediate.engine.internal.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.internal.choice.ChoiceRule;
import io.autoremediate.engine.internal.choice.ChoiceRuleParser;
import io.autoremediate.engine.internal.definition.FieldReader;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.errors.NoChoiceMatched;
import io.autoremediate.engine.internal.io.InputOutput;
import io.autoremediate.engine.internal.json.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.autoremediate.engine.internal.context.StateRun;

/**
 * Choice (spec "Choice State"): goes to the Next of the first rule that matches, else to Default, else fails
 * with {@code States.NoChoiceMatched}.
 */
public final class ChoiceState extends State {
    public static final Set<String> FIELDS = Set.of("Type", "Comment", "InputPath", "OutputPath", "Choices",
            "Default");

    /** A top-level rule with the state it leads to. */
    public record Branch(ChoiceRule rule, String next) {
    }

    private final List<Branch> choices;
    private final String defaultNext;

    ChoiceState(String name, InputOutput io, List<Branch> choices, String defaultNext) {
        super(name, null, io);
        this.choices = List.copyOf(choices);
        this.defaultNext = defaultNext;
    }

    public static ChoiceState parse(String name, FieldReader r) {
        List<Branch> branches = new ArrayList<>();
        JsonNode choices = r.json().get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            r.problem("'Choices' must be a non-empty array of Choice Rules");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                JsonNode rule = choices.get(i);
                Problems here = r.problems().within("Choices[" + i + "]");
                JsonNode next = rule.get("Next");
                if (next == null || !next.isTextual()) {
                    here.add("'Next' is required and must be a string");
                }
                var parsed = ChoiceRuleParser.parse(rule, here);
                if (parsed.isPresent() && next != null && next.isTextual()) {
                    branches.add(new Branch(parsed.get(), next.textValue()));
                }
            }
        }
        return new ChoiceState(name, r.inputOutput(false, false, false), branches, r.string("Default").orElse(null));
    }

    @Override
    public String type() {
        return "Choice";
    }

    @Override
    public Outcome run(StateRun run) {
        Scope scope = run.scope();
        JsonNode effective = io().effectiveInput(run.input(), scope);
        Scope ruleScope = scope.withInput(effective);
        for (Branch branch : choices) {
            if (branch.rule().matches(ruleScope)) {
                return new Outcome.GoTo(branch.next(), io().output(run.input(), effective, scope));
            }
        }
        if (defaultNext != null) {
            return new Outcome.GoTo(defaultNext, io().output(run.input(), effective, scope));
        }
        throw new NoChoiceMatched("No Choice Rule matched and there is no Default in state '" + name() + "'");
    }

    @Override
    public List<Successor> successors() {
        List<Successor> names = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            names.add(new Successor("Choices[" + i + "]: 'Next'", choices.get(i).next()));
        }
        if (defaultNext != null) {
            names.add(new Successor("'Default'", defaultNext));
        }
        return names;
    }
}

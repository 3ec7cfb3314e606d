package io.autoremediate.engine;

import java.util.List;

/**
 * A state machine definition is not valid Amazon States Language. Each problem names the state and the
 * field, e.g. {@code State 'Poll': 'Next' names 'Nope', which is not a state}.
 */
public class InvalidDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in definition order. */
    public List<String> problems() {
        return problems;
    }
}

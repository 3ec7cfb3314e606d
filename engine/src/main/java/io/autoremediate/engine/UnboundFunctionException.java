package io.autoremediate.engine;

import java.util.List;

/** A definition's Task names a function (or resource) the engine has no binding for. */
public class UnboundFunctionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UnboundFunctionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per unbound Task, naming the state and the function. */
    public List<String> problems() {
        return problems;
    }
}

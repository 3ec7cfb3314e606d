package io.autoremediate.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lambda functions an engine can invoke, bound by bare function name. A Task's Lambda ARN or
 * {@code lambda:invoke} FunctionName resolves to that name, qualifier dropped.
 */
public final class FunctionRegistry {
    private final Map<String, LambdaFunction> functions = new ConcurrentHashMap<>();

    /** Binds a function under its bare name (not an ARN); returns this registry. */
    public FunctionRegistry bind(String functionName, LambdaFunction fn) {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(fn, "fn");
        if (functionName.isBlank() || functionName.contains(":")) {
            throw new IllegalArgumentException("bind a bare function name like 'resolve-runbook', not '"
                    + functionName + "'");
        }
        functions.put(functionName, fn);
        return this;
    }

    public Optional<LambdaFunction> find(String functionName) {
        return Optional.ofNullable(functions.get(functionName));
    }

    /** The bound names, sorted. */
    Set<String> functionNames() {
        return new TreeSet<>(functions.keySet());
    }
}

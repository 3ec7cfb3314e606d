package io.autoremediate.local.cli;

import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.engine.functions.ExecutableFunction;
import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.runtime.LambdaHandlerString;
import io.autoremediate.local.runtime.ReflectiveHandlerFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --function NAME=TARGET} options: TARGET is an executable file, or a Java handler string
 * ({@code package.Class::method}) of a class on this classpath, bound in process.
 */
final class FunctionBindings {

    static final String FORM = "NAME=EXECUTABLE or NAME=package.Class::method";

    private FunctionBindings() {
    }

    /** @param arns the region and account of the bound functions' ARNs */
    static Map<String, LambdaFunction> parse(List<String> bindings, LocalArns arns) {
        Map<String, LambdaFunction> bound = new LinkedHashMap<>();
        for (String binding : bindings) {
            int equals = binding.indexOf('=');
            if (equals <= 0 || equals == binding.length() - 1) {
                throw new UsageException("--function takes " + FORM + ", got '" + binding + "'");
            }
            String name = binding.substring(0, equals);
            String target = binding.substring(equals + 1);
            bound.put(name, function(name, target, arns.function(name)));
        }
        return bound;
    }

    private static LambdaFunction function(String name, String target, String arn) {
        Path file = Path.of(target);
        if (Files.isRegularFile(file) || !LambdaHandlerString.looksLikeOne(target)) {
            if (!Files.isExecutable(file) || Files.isDirectory(file)) {
                throw new UsageException("function " + name + ": " + target + " is not an executable file");
            }
            return new ExecutableFunction(file);
        }
        try {
            return ReflectiveHandlerFunction.load(name, arn, LambdaHandlerString.parse(target));
        } catch (IllegalArgumentException e) {
            throw new UsageException("function " + name + ": " + e.getMessage());
        }
    }
}

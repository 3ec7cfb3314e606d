package io.autoremediate.engine.internal.task;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task's Resource: a Lambda function ARN (invoked directly, result = its output), the optimised
 * {@code arn:aws:states:::lambda:invoke} integration (FunctionName and Payload in Parameters), the same with
 * the callback pattern ({@code .waitForTaskToken}: result = what SendTaskSuccess sends), or something this
 * engine cannot run.
 */
public sealed interface TaskResource {
    String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

    Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]+)(?::([a-zA-Z0-9$_-]+))?");
    Pattern PARTIAL_ARN = Pattern.compile("(\\d{12}):function:([a-zA-Z0-9_-]+)(?::([a-zA-Z0-9$_-]+))?");
    Pattern NAME = Pattern.compile("([a-zA-Z0-9_-]+)(?::([a-zA-Z0-9$_-]+))?");

    String arn();

    /** Whether FunctionName and Payload come from Parameters (the lambda:invoke integrations). */
    default boolean takesParameters() {
        return this instanceof LambdaInvoke || this instanceof LambdaInvokeWaitForTaskToken;
    }

    record LambdaArn(String arn, String functionName, String qualifier) implements TaskResource {
    }

    record LambdaInvoke(String arn) implements TaskResource {
    }

    /** {@code lambda:invoke.waitForTaskToken}: invokes the function, then waits for its task token. */
    record LambdaInvokeWaitForTaskToken(String arn) implements TaskResource {
    }

    record Unsupported(String arn) implements TaskResource {
    }

    static TaskResource parse(String resource) {
        if (resource.equals(LAMBDA_INVOKE)) {
            return new LambdaInvoke(resource);
        }
        if (resource.equals(LAMBDA_INVOKE + WAIT_FOR_TASK_TOKEN)) {
            return new LambdaInvokeWaitForTaskToken(resource);
        }
        Matcher m = FUNCTION_ARN.matcher(resource);
        if (m.matches()) {
            return new LambdaArn(resource, m.group(3), m.group(4));
        }
        return new Unsupported(resource);
    }

    /**
     * The bare function name of a lambda:invoke FunctionName: a name, {@code name:qualifier}, a partial ARN
     * ({@code 123456789012:function:name}) or a full ARN. Empty when it is none of these.
     */
    static Optional<String> functionNameOf(String functionName) {
        Matcher full = FUNCTION_ARN.matcher(functionName);
        if (full.matches()) {
            return Optional.of(full.group(3));
        }
        Matcher partial = PARTIAL_ARN.matcher(functionName);
        if (partial.matches()) {
            return Optional.of(partial.group(2));
        }
        Matcher name = NAME.matcher(functionName);
        return name.matches() ? Optional.of(name.group(1)) : Optional.empty();
    }
}

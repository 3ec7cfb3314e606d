package io.autoremediate.local.runtime;

import io.autoremediate.local.arn.LocalArns;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state machine's functions: the placeholder each fills in {@code statemachine/remediation.asl.json},
 * the function name it has, and its Lambda handler class.
 */
public enum RemediationFunction {
    RESOLVE_SCRIPT("ResolveScriptFunctionArn", "autoremediate-resolve-script", "ResolveScriptHandler"),
    SEND_COMMAND("SendCommandFunctionArn", "autoremediate-send-command", "SendCommandHandler"),
    POLL_COMMAND("PollCommandFunctionArn", "autoremediate-poll-command", "PollCommandHandler"),
    CHECK_ALARM("CheckAlarmFunctionArn", "autoremediate-check-alarm", "CheckAlarmHandler"),
    GUARD("GuardFunctionArn", "autoremediate-guard", "GuardHandler"),
    NOTIFY("NotifyFunctionArn", "autoremediate-notify", "NotifyHandler");

    private static final String HANDLER_PACKAGE = "io.autoremediate.functions.handlers.";

    private final String placeholder;
    private final String functionName;
    private final String handlerClass;

    RemediationFunction(String placeholder, String functionName, String handlerClass) {
        this.placeholder = placeholder;
        this.functionName = functionName;
        this.handlerClass = HANDLER_PACKAGE + handlerClass;
    }

    public String placeholder() {
        return placeholder;
    }

    public String functionName() {
        return functionName;
    }

    /** The Lambda handler string, as the deployment configures it. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    /** Each function's placeholder in the definition, filled with that function's ARN. */
    public static Map<String, String> placeholders(LocalArns arns) {
        Map<String, String> filled = new LinkedHashMap<>();
        for (RemediationFunction function : values()) {
            filled.put(function.placeholder(), arns.function(function.functionName()));
        }
        return filled;
    }
}

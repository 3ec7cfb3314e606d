package io.autoremediate.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.functions.guard.ExecutionLedger;
import io.autoremediate.functions.handlers.CheckAlarmHandler;
import io.autoremediate.functions.handlers.GuardHandler;
import io.autoremediate.functions.handlers.NotifyHandler;
import io.autoremediate.functions.handlers.PollCommandHandler;
import io.autoremediate.functions.handlers.ResolveScriptHandler;
import io.autoremediate.functions.handlers.SendCommandHandler;
import io.autoremediate.local.arn.LocalArns;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one binding of the six Lambda handlers to local adapters, under their deployed function names, each
 * called in process as the Lambda runtime would call it. Every local entry point gets its handlers here.
 */
final class RemediationFunctions {

    private RemediationFunctions() {
    }

    /** @param executions what the guard reads: the executions of the runtime the handlers run in */
    static void bind(FunctionRegistry registry, LocalAdapters adapters, ExecutionLedger executions, LocalArns arns) {
        Map<RemediationFunction, RequestStreamHandler> handlers = new EnumMap<>(RemediationFunction.class);
        handlers.put(RemediationFunction.RESOLVE_SCRIPT, new ResolveScriptHandler(adapters.runbooks()));
        handlers.put(RemediationFunction.SEND_COMMAND, new SendCommandHandler(adapters.runbooks(), adapters.commands()));
        handlers.put(RemediationFunction.POLL_COMMAND, new PollCommandHandler(adapters.commands()));
        handlers.put(RemediationFunction.CHECK_ALARM, new CheckAlarmHandler(adapters.alarms()));
        handlers.put(RemediationFunction.GUARD, new GuardHandler(executions));
        handlers.put(RemediationFunction.NOTIFY, new NotifyHandler(adapters.channels()));
        handlers.forEach((function, handler) -> registry.bind(function.functionName(),
                new JavaHandlerFunction(function.functionName(), arns.function(function.functionName()), handler)));
    }
}

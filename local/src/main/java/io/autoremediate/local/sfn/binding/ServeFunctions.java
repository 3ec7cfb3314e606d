package io.autoremediate.local.sfn.binding;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.functions.handlers.CheckAlarmHandler;
import io.autoremediate.functions.handlers.GuardHandler;
import io.autoremediate.functions.handlers.NotifyHandler;
import io.autoremediate.functions.handlers.PollCommandHandler;
import io.autoremediate.functions.handlers.ResolveScriptHandler;
import io.autoremediate.functions.handlers.SendCommandHandler;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.runtime.JavaHandlerFunction;
import io.autoremediate.local.runtime.RemediationFunction;
import io.autoremediate.local.sfn.execution.ExecutionBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the server binds: the six remediation functions under their deployed names
 * ({@code autoremediate-resolve-script}, …), in process against local adapters, then any
 * {@code --function} bindings (executables, Java handlers), which win over a remediation function of the same name.
 */
public final class ServeFunctions {

    private ServeFunctions() {
    }

    /**
     * Binds into {@code registry} (the one the backend reads at each start).
     *
     * @param commands runs the runbooks; its output lands where it was told
     */
    public static void bind(FunctionRegistry registry, ExecutionBackend backend, Path runbooks,
                            LocalShellCommandRunner commands, List<NotificationChannel> channels,
                            Map<String, LambdaFunction> functions, String region, String account) {
        AlarmAfterRunbook alarm = new AlarmAfterRunbook(commands, Clock.systemUTC());
        FolderRunbookStore store = new FolderRunbookStore(runbooks);
        Map<RemediationFunction, RequestStreamHandler> handlers = new EnumMap<>(RemediationFunction.class);
        handlers.put(RemediationFunction.RESOLVE_SCRIPT, new ResolveScriptHandler(store));
        handlers.put(RemediationFunction.SEND_COMMAND, new SendCommandHandler(store, alarm));
        handlers.put(RemediationFunction.POLL_COMMAND, new PollCommandHandler(alarm));
        handlers.put(RemediationFunction.CHECK_ALARM, new CheckAlarmHandler(alarm));
        handlers.put(RemediationFunction.GUARD, new GuardHandler(new BackendLedger(backend)));
        handlers.put(RemediationFunction.NOTIFY, new NotifyHandler(channels));
        handlers.forEach((function, handler) -> registry.bind(function.functionName(),
                new JavaHandlerFunction(function.functionName(),
                        "arn:aws:lambda:" + region + ":" + account + ":function:" + function.functionName(), handler)));
        functions.forEach(registry::bind);
    }
}

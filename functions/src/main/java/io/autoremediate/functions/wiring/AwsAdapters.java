package io.autoremediate.functions.wiring;

import io.autoremediate.functions.adapters.aws.AwsClients;
import io.autoremediate.functions.adapters.aws.Lazy;
import io.autoremediate.functions.adapters.aws.Priming;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.guard.ExecutionLedger;
import io.autoremediate.functions.intake.ExecutionStarter;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.runbook.RunbookStore;
import java.util.List;

/**
 * The production wiring the handlers' no-argument constructors call: each adapter is built on first use from
 * the function's environment variables and then kept for the life of the container, and what it builds is
 * primed before a SnapStart snapshot ({@link Priming}). The variables are listed in {@link AdapterWiring}.
 */
public final class AwsAdapters {

    private static final Lazy<AdapterWiring> WIRING = new Lazy<>(() -> {
        // Every step reads and writes JSON: the container's SnapStart priming runs that once before its snapshot.
        Priming.container().json();
        return new AdapterWiring(System.getenv(), AwsClients::fromEnvironment);
    });
    private static final Lazy<RunbookStore> RUNBOOK_STORE = new Lazy<>(() -> WIRING.get().runbookStore());
    private static final Lazy<CommandRunner> COMMAND_RUNNER = new Lazy<>(() -> WIRING.get().commandRunner());
    private static final Lazy<AlarmStateReader> ALARM_STATE_READER =
            new Lazy<>(() -> WIRING.get().alarmStateReader());
    private static final Lazy<ExecutionStarter> EXECUTION_STARTER =
            new Lazy<>(() -> WIRING.get().executionStarter());
    private static final Lazy<ExecutionLedger> EXECUTION_LEDGER = new Lazy<>(() -> WIRING.get().executionLedger());
    private static final Lazy<List<NotificationChannel>> NOTIFICATION_CHANNELS =
            new Lazy<>(() -> WIRING.get().notificationChannels());

    private AwsAdapters() {
    }

    public static RunbookStore runbookStore() {
        return RUNBOOK_STORE.get();
    }

    public static CommandRunner commandRunner() {
        return COMMAND_RUNNER.get();
    }

    public static AlarmStateReader alarmStateReader() {
        return ALARM_STATE_READER.get();
    }

    /** Starts remediation executions by name; needs {@code STATE_MACHINE_ARN}. */
    public static ExecutionStarter executionStarter() {
        return EXECUTION_STARTER.get();
    }

    /** Lists the remediation state machine's executions for the guard; needs {@code STATE_MACHINE_ARN}. */
    public static ExecutionLedger executionLedger() {
        return EXECUTION_LEDGER.get();
    }

    /** Only the channels whose variables are set; possibly none, which the dispatcher refuses loudly. */
    public static List<NotificationChannel> notificationChannels() {
        return NOTIFICATION_CHANNELS.get();
    }
}

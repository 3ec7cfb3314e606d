package io.autoremediate.local.runtime;

import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.runbook.RunbookStore;
import java.util.List;
import java.util.Objects;

/** The stand-ins the handlers run against on this machine, one per AWS service. */
public record LocalAdapters(RunbookStore runbooks, CommandRunner commands, AlarmStateReader alarms,
                            List<NotificationChannel> channels) {

    public LocalAdapters {
        Objects.requireNonNull(runbooks, "runbooks");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(alarms, "alarms");
        channels = List.copyOf(channels);
    }
}

package io.autoremediate.local.runtime;

import io.autoremediate.functions.ports.AlarmStateReader;
import io.autoremediate.functions.ports.CommandRunner;
import io.autoremediate.functions.ports.NotificationChannel;
import io.autoremediate.functions.ports.RunbookStore;
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

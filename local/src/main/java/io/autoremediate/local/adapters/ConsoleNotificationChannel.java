package io.autoremediate.local.adapters;

import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NotificationChannel;
import java.io.PrintStream;

/** Prints each notice where the operator is looking: the local stand-in for a chat channel. */
public final class ConsoleNotificationChannel implements NotificationChannel {

    private final PrintStream out;

    public ConsoleNotificationChannel(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String deliver(Notice notice) {
        StringBuilder text = new StringBuilder();
        for (String line : notice.body().strip().split("\n")) {
            text.append("    │ ").append(line).append('\n');
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
        return "printed";
    }
}

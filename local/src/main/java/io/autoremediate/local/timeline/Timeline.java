package io.autoremediate.local.timeline;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A readable, timestamped log of what happens, one line per event, for a person watching the demo. */
public final class Timeline {

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final Clock clock;
    private final Instant start;

    public Timeline(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
    }

    public Instant now() {
        return clock.instant();
    }

    /** One line: wall time, seconds since the start, who, what. */
    public void log(String source, String message) {
        Instant now = clock.instant();
        String line = String.format("%s  +%6.2fs  %-10s  %s", WALL.format(LocalTime.ofInstant(now, ZoneId.systemDefault())),
                Duration.between(start, now).toMillis() / 1000.0, source, message);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Lines printed as they are, indented under the last event (command output, a notice). */
    public void block(String text) {
        synchronized (out) {
            for (String line : text.strip().split("\n")) {
                out.println("                              │ " + line);
            }
            out.flush();
        }
    }
}

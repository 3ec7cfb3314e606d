package io.autoremediate.local.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the demo runs.
 *
 * @param runbooks    the runbook folder ({@code remediations/})
 * @param workDir     where services, command output, notices and histories go (wiped at start)
 * @param period      the monitor's and the alarms' period
 * @param port        the web app's port, 0 for a free one
 * @param keepRunning after both scenarios, keep everything running until interrupted
 * @param deadline    the longest either scenario may take before the demo calls it failed
 */
public record DemoOptions(Path runbooks, Path workDir, Duration period, int port, boolean keepRunning,
                          Duration deadline) {

    public DemoOptions {
        if (period.isNegative() || period.isZero() || period.toSeconds() > 9 && period.toSeconds() % 10 != 0) {
            throw new IllegalArgumentException("period must be 1 to 9 seconds locally (or 10, 20, 30, n×60), got "
                    + period.toSeconds() + "s");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
        }
    }
}

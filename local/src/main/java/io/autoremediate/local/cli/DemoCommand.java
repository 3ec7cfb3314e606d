package io.autoremediate.local.cli;

import io.autoremediate.local.demo.Demo;
import io.autoremediate.local.demo.DemoOptions;
import io.autoremediate.local.timeline.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job: watch a real service get killed, detected, healed and verified, then an escalation. */
@Command(name = "demo", description = {
        "Start a sample web app, monitor it, kill it and watch autoremediate heal it; then watch an alarm with no"
                + " runbook escalate."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:both scenarios behaved as described", "1:a scenario did not", "2:usage error"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "1",
            description = "Monitor and alarm period in seconds%nDefault: ${DEFAULT-VALUE}")
    private int periodSeconds;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The web app's port (default: any free port).")
    private int port;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "remediations",
            description = "Folder of runbooks%nDefault: ${DEFAULT-VALUE}")
    private Path runbooks;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = ".autoremediate/demo",
            description = "Where services, command output, notices and histories go%nDefault: ${DEFAULT-VALUE}")
    private Path workDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "45",
            description = "How long each scenario may take%nDefault: ${DEFAULT-VALUE}")
    private int timeoutSeconds;

    @Option(names = "--keep-running", description = "After the scenarios, keep everything running until Ctrl-C.")
    private boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(runbooks)) {
            throw new UsageException("runbooks folder " + runbooks.toAbsolutePath()
                    + " does not exist; run from the repository root or pass --runbooks");
        }
        DemoOptions options;
        try {
            options = new DemoOptions(runbooks, workDir, Duration.ofSeconds(periodSeconds), port, keepRunning,
                    Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        WorkDirs.wipe(workDir);
        boolean passed = new Demo(options, new Timeline(System.out, Clock.systemUTC()), System.out).run();
        return passed ? 0 : 1;
    }
}

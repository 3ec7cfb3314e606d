package io.autoremediate.local.demo;

import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.local.runtime.RemediationOutcome;
import io.autoremediate.local.timeline.Timeline;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The main job: a real service is killed, detected, healed and verified, then an alarm with no runbook is
 * escalated. Each scenario checks what a person would check; the demo passes only if both behave.
 */
public final class Demo {

    private final DemoOptions options;
    private final Timeline timeline;
    private final PrintStream out;

    public Demo(DemoOptions options, Timeline timeline, PrintStream out) {
        this.options = options;
        this.timeline = timeline;
        this.out = out;
    }

    /** Runs both scenarios; true when both behaved as described. */
    public boolean run() throws IOException, InterruptedException {
        try (DemoSystem system = new DemoSystem(options, timeline)) {
            system.start();
            boolean healed = crashIsHealed(system);
            boolean escalated = missingRunbookIsEscalated(system);
            out.println();
            out.println("Scenario 1, crash healed:            " + (healed ? "PASS" : "FAIL"));
            out.println("Scenario 2, no runbook escalated:    " + (escalated ? "PASS" : "FAIL"));
            out.println("Execution histories:                 " + system.executionsDir());
            out.println("Notices (JSON lines):                " + system.notificationsFile());
            if (options.keepRunning()) {
                timeline.log("demo", "still running: kill the web app (kill " + system.webappPid()
                        + ") to see it healed again; Ctrl-C to stop");
                Thread.currentThread().join();
            }
            return healed && escalated;
        }
    }

    private boolean crashIsHealed(DemoSystem system) throws IOException, InterruptedException {
        timeline.log("demo", "Scenario 1: the web app crashes and autoremediate heals it");
        Instant since = timeline.now().minusSeconds(60);
        if (system.alarmHistory().awaitInto(DemoSystem.WEBAPP_ALARM, "OK", since, options.deadline()).isEmpty()) {
            timeline.log("demo", "FAIL: the alarm " + DemoSystem.WEBAPP_ALARM + " never went to OK while the app was up");
            return false;
        }
        var execution = system.nextExecution(DemoSystem.WEBAPP_ALARM);
        long pid = system.webappPid();
        Instant crashedAt = timeline.now();
        system.crashWebapp();
        timeline.log("demo", "killed the web app (kill -9 " + pid + ")");
        Optional<ExecutionResult> result = await(execution);
        if (result.isEmpty()) {
            return false;
        }
        Optional<Instant> alarmAt = system.alarmHistory().firstInto(DemoSystem.WEBAPP_ALARM, "ALARM", crashedAt);
        Optional<Instant> okAt = system.alarmHistory().firstInto(DemoSystem.WEBAPP_ALARM, "OK", crashedAt);
        boolean answers = system.webappAnswers();
        RemediationOutcome outcome = RemediationOutcome.of(result.get());
        boolean healed = outcome == RemediationOutcome.REMEDIATED && answers && okAt.isPresent();
        timeline.log("demo", "outcome " + outcome + "; the web app " + (answers ? "answers again (pid "
                + system.webappPid() + ")" : "does NOT answer"));
        alarmAt.ifPresent(at -> timeline.log("measure", "failure → alarm:     " + seconds(crashedAt, at)));
        okAt.ifPresent(at -> timeline.log("measure", "failure → recovery:  " + seconds(crashedAt, at)
                + "  (alarm back to OK)"));
        timeline.log("measure", "execution:           " + seconds(result.get().startDate(), result.get().stopDate()));
        if (!healed) {
            timeline.log("demo", "FAIL: expected REMEDIATED with the app answering and the alarm OK; "
                    + RemediationOutcome.reasonOf(result.get()));
        }
        return healed;
    }

    private boolean missingRunbookIsEscalated(DemoSystem system) throws IOException, InterruptedException {
        timeline.log("demo", "Scenario 2: '" + DemoSystem.QUEUE_ALARM + "' fires and there is no runbook for it");
        var execution = system.nextExecution(DemoSystem.QUEUE_ALARM);
        system.publishQueueDepth(500, options.period().multipliedBy(6));
        timeline.log("demo", "publishing " + DemoSystem.QUEUE_METRIC + " = 500 (threshold 100)");
        Optional<ExecutionResult> result = await(execution);
        if (result.isEmpty()) {
            return false;
        }
        RemediationOutcome outcome = RemediationOutcome.of(result.get());
        boolean noticed = Files.exists(system.notificationsFile())
                && Files.readAllLines(system.notificationsFile()).stream()
                        .anyMatch(line -> line.contains("\"ESCALATION\"") && line.contains(DemoSystem.QUEUE_ALARM));
        boolean escalated = outcome == RemediationOutcome.ESCALATED
                && RemediationOutcome.ESCALATED_ERROR.equals(result.get().error()) && noticed;
        timeline.log("demo", "outcome " + outcome + ": " + RemediationOutcome.reasonOf(result.get()));
        if (!escalated) {
            timeline.log("demo", "FAIL: expected an escalation with a notice in " + system.notificationsFile());
        }
        return escalated;
    }

    private Optional<ExecutionResult> await(java.util.concurrent.CompletableFuture<ExecutionResult> execution)
            throws InterruptedException {
        try {
            return Optional.of(execution.get(options.deadline().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            timeline.log("demo", "FAIL: no execution finished within " + options.deadline().toSeconds() + " s");
        } catch (ExecutionException e) {
            timeline.log("demo", "FAIL: the execution broke: " + e.getCause().getMessage());
        }
        return Optional.empty();
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }
}

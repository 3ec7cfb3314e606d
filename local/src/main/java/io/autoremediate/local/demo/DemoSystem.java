package io.autoremediate.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.functions.intake.IncidentIntake;
import io.autoremediate.functions.intake.StartedExecution;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.local.adapters.ConsoleNotificationChannel;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.adapters.JsonLinesNotificationChannel;
import io.autoremediate.local.adapters.LocalAlarmStateReader;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.cloudwatch.AlarmDefinition;
import io.autoremediate.local.cloudwatch.ComparisonOperator;
import io.autoremediate.local.cloudwatch.LocalAlarmEvaluator;
import io.autoremediate.local.cloudwatch.LocalMetricStore;
import io.autoremediate.local.cloudwatch.Statistic;
import io.autoremediate.local.cloudwatch.TreatMissingData;
import io.autoremediate.local.events.LocalEventBus;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.monitor.HttpProbeMonitor;
import io.autoremediate.local.monitor.HttpProbeSettings;
import io.autoremediate.local.runtime.HistoryFiles;
import io.autoremediate.local.runtime.LocalAdapters;
import io.autoremediate.local.runtime.LocalExecutionStarter;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.timeline.ExecutionTimeline;
import io.autoremediate.local.timeline.Timeline;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything the demo runs, wired as in AWS: a web app as a service, a monitor publishing its uptime, two
 * alarms, an event rule sending ALARM changes to the remediation state machine, and the state machine on
 * the embedded engine with the real handlers and local adapters.
 */
final class DemoSystem implements AutoCloseable {

    static final String INSTANCE_ID = "i-10ca1000000000001";
    static final String NAMESPACE = "CustomNamespace";
    static final String WEBAPP_ALARM = "webapp-uptime";
    static final String WEBAPP_METRIC = "webapp-uptime";
    static final String QUEUE_ALARM = "queue-depth-high";
    static final String QUEUE_METRIC = "queue-depth";
    static final String ACCOUNT = "123456789012";
    static final String REGION = "local";

    private final DemoOptions options;
    private final Timeline timeline;
    private final Path work;
    private final LocalMetricStore metrics = new LocalMetricStore();
    private final LocalAlarmEvaluator alarms;
    private final LocalEventBus events = new LocalEventBus();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("demo-scheduler"));
    private final Map<String, CompletableFuture<ExecutionResult>> results = new ConcurrentHashMap<>();
    private final AlarmHistory alarmHistory = new AlarmHistory();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private LocalServices services;
    private LocalShellCommandRunner commands;
    private LocalRuntime runtime;
    private IncidentIntake intake;
    private HttpProbeMonitor monitor;
    private URI webappUrl;

    DemoSystem(DemoOptions options, Timeline timeline) {
        this.options = options;
        this.timeline = timeline;
        this.work = options.workDir().toAbsolutePath();
        this.alarms = new LocalAlarmEvaluator(metrics, ACCOUNT, REGION);
    }

    void start() throws IOException, InterruptedException {
        services = LocalServices.create(work);
        int port = options.port() == 0 ? freePort() : options.port();
        webappUrl = URI.create("http://127.0.0.1:" + port + "/");
        services.register("webapp", List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                SampleWebApp.class.getName(), "--port", Integer.toString(port)));
        services.systemctl("start", "webapp");
        if (!awaitWebapp(true, Duration.ofSeconds(20))) {
            throw new IllegalStateException("the sample web app did not answer on " + webappUrl + " within 20 s;"
                    + " see " + work.resolve("services/webapp.log"));
        }
        timeline.log("webapp", "service 'webapp' answers " + SampleWebApp.GREETING + " on " + webappUrl
                + " (pid " + webappPid() + ")");

        commands = new LocalShellCommandRunner(work.resolve("command-output"),
                Map.of("PATH", services.binDir() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "")));
        List<NotificationChannel> channels = List.of(
                new ConsoleNotificationChannel(System.out),
                new JsonLinesNotificationChannel(notificationsFile(), Clock.systemUTC()));
        runtime = LocalRuntime.builder().adapters(new LocalAdapters(new FolderRunbookStore(options.runbooks()),
                commands, new LocalAlarmStateReader(alarms), channels)).journal(journalDir()).build();
        intake = new IncidentIntake(new LocalExecutionStarter(runtime,
                input -> new ExecutionTimeline(timeline, input.path("event").path("detail").path("alarmName").asText()),
                this::executionEnded), demoSettings());

        alarms.putAlarm(new AlarmDefinition(WEBAPP_ALARM, "The sample web app does not answer", WEBAPP_METRIC,
                NAMESPACE, Map.of("InstanceId", INSTANCE_ID), Statistic.Minimum, options.period(), 2, 2,
                ComparisonOperator.LessThanThreshold, 1.0, TreatMissingData.missing));
        alarms.putAlarm(new AlarmDefinition(QUEUE_ALARM, "Work is piling up in the queue", QUEUE_METRIC,
                NAMESPACE, Map.of("InstanceId", INSTANCE_ID), Statistic.Maximum, options.period(), 1, 1,
                ComparisonOperator.GreaterThanThreshold, 100.0, TreatMissingData.notBreaching));
        alarms.addListener(this::onAlarmChange);
        events.putRule("autoremediate-alarms", LocalJson.MAPPER.readTree("""
                {"source": ["aws.cloudwatch"], "detail-type": ["CloudWatch Alarm State Change"],
                 "detail": {"state": {"value": ["ALARM"]}}}"""), this::startExecution);
        alarms.addListener(events::putEvents);

        Duration probeTimeout = options.period().dividedBy(2);
        monitor = new HttpProbeMonitor(HttpProbeSettings.forWebapp(webappUrl, INSTANCE_ID)
                .withPeriod(options.period()).withTimeouts(probeTimeout, probeTimeout), metrics);
        monitor.start(scheduler);
        alarms.start(scheduler);
        timeline.log("monitor", "probing " + webappUrl + " every " + options.period().toSeconds() + " s, publishing "
                + WEBAPP_METRIC + " (" + NAMESPACE + ", InstanceId=" + INSTANCE_ID + ")");
    }

    /** The result of the next execution started for an alarm's change into ALARM. */
    CompletableFuture<ExecutionResult> nextExecution(String alarmName) {
        return results.computeIfAbsent(alarmName, name -> new CompletableFuture<>());
    }

    AlarmHistory alarmHistory() {
        return alarmHistory;
    }

    long webappPid() throws IOException {
        return services.process("webapp").map(ProcessHandle::pid).orElse(-1L);
    }

    /** Kills the web app's process outright, as a crash would. */
    void crashWebapp() throws IOException {
        services.process("webapp").ifPresent(ProcessHandle::destroyForcibly);
    }

    boolean webappAnswers() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(webappUrl).timeout(Duration.ofSeconds(1))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(SampleWebApp.GREETING);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean awaitWebapp(boolean answering, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (webappAnswers() == answering) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Publishes the queue depth every period for a while, as an application's own metric would. */
    void publishQueueDepth(double depth, Duration during) {
        Instant until = Instant.now().plus(during);
        scheduler.scheduleAtFixedRate(() -> {
            if (Instant.now().isBefore(until)) {
                metrics.putMetricData(NAMESPACE, QUEUE_METRIC, Map.of("InstanceId", INSTANCE_ID), depth, Instant.now());
            } else {
                throw new IllegalStateException("done");
            }
        }, 0, options.period().toMillis() / 2, TimeUnit.MILLISECONDS);
    }

    Path notificationsFile() {
        return work.resolve("notifications.jsonl");
    }

    Path executionsDir() {
        return work.resolve("executions");
    }

    /** Where the runtime journals the demo's executions; each demo starts on an empty work folder, so none resumes. */
    private Path journalDir() {
        return work.resolve("journal");
    }

    private void onAlarmChange(ObjectNode event) {
        JsonNode detail = event.path("detail");
        String name = detail.path("alarmName").asText();
        String from = detail.path("previousState").path("value").asText();
        String to = detail.path("state").path("value").asText();
        alarmHistory.record(name, to, Instant.now());
        timeline.log("alarm", name + ": " + from + " → " + to + "  (" + detail.path("state").path("reason").asText() + ")");
    }

    /** The event rule's target: the same intake as in AWS, starting executions on the local runtime. */
    private void startExecution(JsonNode event) {
        StartedExecution started = intake.accept(event);
        if (started.duplicate()) {
            timeline.log("events", "duplicate event: " + started.executionName() + " exists already, nothing started");
        }
    }

    private void executionEnded(JsonNode input, ExecutionResult result) {
        String alarmName = input.path("event").path("detail").path("alarmName").asText();
        CompletableFuture<ExecutionResult> waiting = nextExecution(alarmName);
        results.remove(alarmName, waiting);
        if (result == null) {
            waiting.completeExceptionally(new IllegalStateException("the execution for " + alarmName + " broke"));
            return;
        }
        HistoryFiles.write(executionsDir(), result);
        waiting.complete(result);
    }

    /** The demo waits seconds where AWS waits minutes: CloudWatch's periods are a minute, here one second. */
    private ObjectNode demoSettings() {
        ObjectNode settings = LocalJson.MAPPER.createObjectNode();
        settings.put("maxAttempts", 3);
        settings.put("pauseBetweenAttemptsSeconds", 2);
        settings.put("commandTimeoutSeconds", 30);
        settings.put("pollIntervalSeconds", 1);
        settings.put("maxPolls", 40);
        settings.put("recoveryCheckIntervalSeconds", Math.max(1, options.period().toSeconds()));
        settings.put("maxRecoveryChecks", 15);
        return settings;
    }

    @Override
    public void close() {
        if (monitor != null) {
            monitor.stop();
        }
        alarms.stop();
        scheduler.shutdownNow();
        if (runtime != null) {
            runtime.close();
        }
        if (commands != null) {
            commands.close();
        }
        if (services != null) {
            try {
                services.systemctl("stop", "webapp");
                services.process("webapp").ifPresent(ProcessHandle::destroyForcibly);
            } catch (IOException e) {
                System.err.println("could not stop the sample web app: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

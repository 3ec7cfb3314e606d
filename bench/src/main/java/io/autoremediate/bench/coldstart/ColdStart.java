package io.autoremediate.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.bench.ProcessTimer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start per handler: each run is a fresh JVM with Lambda-like flags that builds one handler, feeds it one
 * event against {@link AwsStub} and prints the response; the time is from starting the process to that
 * response. Our handlers run from the shaded Lambda jar; the naive baseline ({@link NaiveBaseline}) makes the
 * same AWS calls with default-built clients. A third run per round primes the handler as before a SnapStart
 * snapshot and times its first request alone (see {@link LambdaLikeRunner}). Runs alternate so that load on the
 * machine falls on all alike.
 */
public final class ColdStart {

    /** The flags the Lambda Java runtime starts its JVM with (C1 only, serial GC), plus a function-sized heap. */
    public static final List<String> LAMBDA_LIKE_FLAGS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");

    public static final List<String> HANDLERS = List.of("ResolveScriptHandler", "SendCommandHandler",
            "PollCommandHandler", "CheckAlarmHandler", "NotifyHandler", "GuardHandler", "IntakeHandler");

    private static final String HANDLER_PACKAGE = "io.autoremediate.functions.handlers.";
    private static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:remediation";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One handler's figures: times to first response for ours and the baseline, the first request's time after
     * priming, and the AWS calls each made (the primed run's are the request's only: priming calls nothing).
     */
    public record HandlerResult(String handler, List<Double> oursMillis, List<Double> naiveMillis, List<Double> primedRequestMillis, List<String> oursCalls,
                                List<String> naiveCalls, List<String> primedCalls) {
    }

    private final Path root;
    private final Path lambdaJar;
    private final String benchClasspath;
    private final Path work;

    public ColdStart(Path root, Path lambdaJar, String benchClasspath, Path work) {
        this.root = root;
        this.lambdaJar = lambdaJar;
        this.benchClasspath = benchClasspath;
        this.work = work;
    }

    public List<HandlerResult> run(int runs) throws IOException, InterruptedException {
        Files.createDirectories(work);
        TaskRoot.extract(lambdaJar, taskRoot());
        List<HandlerResult> results = new ArrayList<>();
        try (AwsStub aws = new AwsStub()) {
            Map<String, String> environment = environment(aws);
            Map<String, Path> events = writeEvents(aws, environment);
            for (String handler : HANDLERS) {
                List<Double> ours = new ArrayList<>();
                List<Double> naive = new ArrayList<>();
                List<Double> primed = new ArrayList<>();
                List<String> oursCalls = List.of();
                List<String> naiveCalls = List.of();
                List<String> primedCalls = List.of();
                for (int i = 0; i < runs; i++) {
                    aws.takeCalls();
                    ours.add(time(ours(handler, events.get(handler)), environment));
                    oursCalls = aws.takeCalls();
                    naive.add(time(naive(handler, events.get(handler)), environment));
                    naiveCalls = aws.takeCalls();
                    primed.add(primedRequest(handler, events.get(handler), environment));
                    primedCalls = aws.takeCalls();
                }
                results.add(new HandlerResult(handler, ours, naive, primed, oursCalls, naiveCalls, primedCalls));
            }
        }
        return results;
    }

    private Map<String, String> environment(AwsStub aws) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK0000000");
        environment.put("AWS_SECRET_ACCESS_KEY", "benchmark-secret-key");
        environment.put("AUTOREMEDIATE_AWS_ENDPOINT_URL", aws.endpoint().toString()); // our handlers
        environment.put("AWS_ENDPOINT_URL", aws.endpoint().toString()); // the SDK's own setting, for the baseline
        environment.put("RUNBOOK_BUCKET", AwsStub.BUCKET);
        environment.put("STATE_MACHINE_ARN", STATE_MACHINE_ARN);
        environment.put("SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:remediation-escalations");
        return environment;
    }

    /** The events, built from ResolveScript's real answer so that later steps get what they would in AWS. */
    private Map<String, Path> writeEvents(AwsStub aws, Map<String, String> environment)
            throws IOException, InterruptedException {
        JsonNode alarmEvent;
        try (InputStream in = ColdStart.class.getResourceAsStream("/coldstart/alarm-event.json")) {
            alarmEvent = MAPPER.readTree(in);
        }
        Map<String, Path> events = new LinkedHashMap<>();
        events.put("ResolveScriptHandler", write("ResolveScriptHandler",
                MAPPER.createObjectNode().set("event", alarmEvent)));
        ProcessTimer.Timing resolved = ProcessTimer.run(ours("ResolveScriptHandler", events.get("ResolveScriptHandler")),
                root, environment);
        aws.takeCalls();
        if (resolved.exitCode() != 0 || resolved.firstLine() == null) {
            throw new IllegalStateException("ResolveScriptHandler failed against the stub: " + resolved.stderr());
        }
        JsonNode resolution = MAPPER.readTree(resolved.firstLine());
        JsonNode incident = resolution.path("incident");
        if (!resolution.path("runbook").path("sha256").asText().equals(sha256(AwsStub.RUNBOOK))) {
            throw new IllegalStateException("ResolveScriptHandler did not find the stub's runbook: " + resolution);
        }
        ObjectNode send = MAPPER.createObjectNode();
        send.set("incident", incident);
        send.set("runbook", resolution.path("runbook"));
        send.put("attempt", 1).put("commandTimeoutSeconds", 600).put("executionName", "bench-execution");
        events.put("SendCommandHandler", write("SendCommandHandler", send));
        events.put("PollCommandHandler", write("PollCommandHandler", MAPPER.createObjectNode()
                .put("commandId", AwsStub.COMMAND_ID).put("instanceId", incident.path("instanceId").asText())
                .put("polls", 0)));
        events.put("CheckAlarmHandler", write("CheckAlarmHandler", MAPPER.createObjectNode()
                .put("alarmName", incident.path("alarmName").asText())));
        ObjectNode notify = MAPPER.createObjectNode().put("kind", "ESCALATION")
                .put("executionId", STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + ":bench-execution");
        notify.putObject("context").set("event", alarmEvent);
        events.put("NotifyHandler", write("NotifyHandler", notify));
        ObjectNode guard = MAPPER.createObjectNode();
        guard.set("incident", incident);
        guard.put("executionName", "bench-execution").put("executionStartedAt", "2026-11-25T10:17:01.500Z")
                .put("maxIncidents", 3).put("windowSeconds", 3600);
        events.put("GuardHandler", write("GuardHandler", guard));
        events.put("IntakeHandler", write("IntakeHandler", alarmEvent));
        return events;
    }

    private Path write(String handler, JsonNode event) throws IOException {
        Path file = work.resolve(handler + ".event.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event));
        return file;
    }

    /** The runner alone on the classpath; the function's classes come from the task directory, as in Lambda. */
    private List<String> ours(String handler, Path event) {
        return java(benchClasses(), LambdaLikeRunner.class.getName(), taskRoot().toString(),
                HANDLER_PACKAGE + handler, event.toString());
    }

    private Path taskRoot() {
        return work.resolve("task");
    }

    private double primedRequest(String handler, Path event, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = java(benchClasses(), LambdaLikeRunner.class.getName(), taskRoot().toString(),
                HANDLER_PACKAGE + handler, event.toString(), "primed");
        ProcessTimer.Timing timing = ProcessTimer.run(command, root, environment);
        if (timing.exitCode() != 0 || timing.firstLine() == null || !timing.firstLine().startsWith("{")) {
            throw new IllegalStateException("primed run failed (exit " + timing.exitCode() + "): "
                    + String.join(" ", command) + "\n" + timing.firstLine() + "\n" + timing.stderr());
        }
        JsonNode line = MAPPER.readTree(timing.firstLine());
        if (!line.path("response").isObject()) {
            throw new IllegalStateException("primed run of " + handler + " answered no response: " + line);
        }
        return line.path("requestMillis").asDouble();
    }

    private List<String> naive(String handler, Path event) {
        return java(benchClasspath, NaiveBaseline.class.getName(), handler, event.toString());
    }

    /** Only this module's classes (the runner uses nothing else), so the classpath is the Lambda jar's. */
    private String benchClasses() {
        return benchClasspath.split(java.io.File.pathSeparator)[0];
    }

    private static List<String> java(String classpath, String main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_LIKE_FLAGS);
        command.add("-cp");
        command.add(classpath);
        command.add(main);
        command.addAll(List.of(args));
        return command;
    }

    private double time(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessTimer.Timing timing = ProcessTimer.run(command, root, environment);
        if (timing.exitCode() != 0 || timing.firstLine() == null || !timing.firstLine().startsWith("{")) {
            throw new IllegalStateException("cold start run failed (exit " + timing.exitCode() + "): "
                    + String.join(" ", command) + "\n" + timing.firstLine() + "\n" + timing.stderr());
        }
        return timing.firstLineMillis();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

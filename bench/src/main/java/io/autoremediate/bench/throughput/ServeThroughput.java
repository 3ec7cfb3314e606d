package io.autoremediate.bench.throughput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The loop through {@code serve}, the durable path users run: the CLI jar's {@code serve} in its own JVM (journal
 * on, its defaults) on a free loopback port, driven by the SDK's SfnClient over the AWS JSON protocol. A batch
 * starts 20 executions of the 5,000-iteration loop at once (20 StartExecution calls from 20 threads) and polls
 * DescribeExecution until all have ended;
 * its rate is states entered per second of the batch. Serve keeps every execution it ran, so the rounds are
 * counted in batches rather than timed. Also the data folder's growth per state entered.
 *
 * <p>Usage: {@code ServeThroughput DEFINITIONS_DIR CLI_JAR WORK_DIR WARMUP_BATCHES MEASURED_BATCHES}
 */
public final class ServeThroughput {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long POLL_MILLIS = 5;
    private static final Pattern ENDPOINT = Pattern.compile("Step Functions API on (http://127\\.0\\.0\\.1:\\d+)");

    private final SfnClient sfn;
    private final String stateMachineArn;
    private int started;
    /** The batch's callers: 20 StartExecution calls at once, as 20 clients would make them. */
    private final ExecutorService callers = Executors.newFixedThreadPool(EngineThroughput.LOOP_CONCURRENCY, r -> {
        Thread thread = new Thread(r, "start-execution");
        thread.setDaemon(true);
        return thread;
    });
    /** How long the last batch's 20 StartExecution calls took, all of them answered. */
    private long lastStartNanos;

    private ServeThroughput(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    public static void main(String[] args) throws Exception {
        Path definitions = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int measured = Integer.parseInt(args[4]);
        deleteTree(work);
        Path data = Files.createDirectories(work.resolve("data"));
        Path runbooks = Files.createDirectories(work.resolve("runbooks"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // e.g. -Dbench.serveJavaOptions=-XX:StartFlightRecording=filename=serve.jfr to see where serve's time goes
        String options = System.getProperty("bench.serveJavaOptions", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0", "--data-dir", data.toString(),
                "--runbooks", runbooks.toString()));
        // e.g. -Dbench.serveArgs="--max-concurrent 4"; the figure reported is serve's defaults
        String serveArgs = System.getProperty("bench.serveArgs", "").trim();
        if (!serveArgs.isEmpty()) {
            command.addAll(List.of(serveArgs.split("\\s+")));
        }
        Process serve = new ProcessBuilder(command).redirectError(work.resolve("serve-stderr.txt").toFile()).start();
        try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint(serve, work)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build()) {
            String arn = sfn.createStateMachine(r -> r.name("loop").roleArn("arn:aws:iam::123456789012:role/bench")
                    .definition(read(definitions.resolve("loop.asl.json")))).stateMachineArn();
            ServeThroughput bench = new ServeThroughput(sfn, arn);
            bench.checkHistoryOnce();
            for (int i = 0; i < warmup; i++) {
                bench.batch();
            }
            long bytesBefore = treeBytes(data);
            long statesMeasured = 0;
            ArrayNode rounds = MAPPER.createArrayNode();
            for (int i = 0; i < measured; i++) {
                long cpuStart = cpuNanos(serve);
                long start = System.nanoTime();
                long states = bench.batch();
                double seconds = (System.nanoTime() - start) / 1e9;
                statesMeasured += states;
                rounds.addObject().put("transitionsPerSecond", states / seconds)
                        .put("cpuMicrosPerState", (cpuNanos(serve) - cpuStart) / 1e3 / states)
                        .put("batchMillis", seconds * 1e3).put("startsMillis", bench.lastStartNanos / 1e6);
            }
            long bytesAfter = treeBytes(data);
            ObjectNode report = MAPPER.createObjectNode();
            report.set("loop", rounds);
            report.put("statesMeasured", statesMeasured);
            report.put("dataBytesMeasured", bytesAfter - bytesBefore);
            report.put("bytesPerState", (bytesAfter - bytesBefore) / (double) statesMeasured);
            System.out.println(MAPPER.writeValueAsString(report));
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** 20 executions started at once (from 20 threads), awaited; returns the states they entered. */
    private long batch() throws InterruptedException {
        long start = System.nanoTime();
        List<Future<String>> starts = new ArrayList<>(EngineThroughput.LOOP_CONCURRENCY);
        for (int i = 0; i < EngineThroughput.LOOP_CONCURRENCY; i++) {
            String name = "loop-" + started++;
            starts.add(callers.submit(() -> start(name)));
        }
        List<String> arns = new ArrayList<>(EngineThroughput.LOOP_CONCURRENCY);
        for (Future<String> arn : starts) {
            try {
                arns.add(arn.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("StartExecution failed", e.getCause());
            }
        }
        lastStartNanos = System.nanoTime() - start;
        for (String arn : arns) {
            awaitSucceeded(arn);
        }
        return EngineThroughput.LOOP_CONCURRENCY * EngineThroughput.LOOP_TRANSITIONS;
    }

    private String start(String name) {
        String input = "{\"i\":0,\"n\":" + EngineThroughput.LOOP_ITERATIONS + "}";
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
    }

    private void awaitSucceeded(String arn) throws InterruptedException {
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(arn));
        while (execution.status() == ExecutionStatus.RUNNING) {
            // Often enough to be a few per cent of a batch, seldom enough to leave serve the cores.
            Thread.sleep(POLL_MILLIS);
            execution = sfn.describeExecution(r -> r.executionArn(arn));
        }
        JsonNode output;
        try {
            output = execution.output() == null ? null : MAPPER.readTree(execution.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (execution.status() != ExecutionStatus.SUCCEEDED || output == null
                || output.path("i").asInt() != EngineThroughput.LOOP_ITERATIONS) {
            throw new IllegalStateException(arn + " ended " + execution.status() + " with " + execution.output()
                    + " (" + execution.error() + ": " + execution.cause() + ")");
        }
    }

    /** One execution, its history read through GetExecutionHistory: the states it entered are the count used. */
    private void checkHistoryOnce() throws InterruptedException {
        String arn = start("loop-" + started++);
        awaitSucceeded(arn);
        long entered = 0;
        String token = null;
        do {
            String page = token;
            GetExecutionHistoryResponse history = sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(1000)
                    .nextToken(page));
            for (HistoryEvent event : history.events()) {
                if (event.typeAsString().endsWith("StateEntered")) {
                    entered++;
                }
            }
            token = history.nextToken();
        } while (token != null);
        if (entered != EngineThroughput.LOOP_TRANSITIONS) {
            throw new IllegalStateException("the loop entered " + entered + " states, not "
                    + EngineThroughput.LOOP_TRANSITIONS);
        }
    }

    private static URI endpoint(Process serve, Path work) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> drain(out), "serve-stdout");
                drain.setDaemon(true);
                drain.start();
                return URI.create(matcher.group(1));
            }
        }
        throw new IllegalStateException("serve ended without announcing its endpoint: "
                + Files.readString(work.resolve("serve-stderr.txt")));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // serve's stdout is not measured; read so it never blocks on a full pipe
            }
        } catch (IOException e) {
            // serve ended
        }
    }

    /** Serve's CPU time so far, all its threads (user and system), from /proc; 0 where there is none. */
    private static long cpuNanos(Process serve) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(serve.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long treeBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

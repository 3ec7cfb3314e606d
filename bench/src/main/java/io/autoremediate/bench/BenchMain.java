package io.autoremediate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.bench.coldstart.ColdStart;
import io.autoremediate.bench.coldstart.JarAnatomy;
import io.autoremediate.bench.startup.StartupTime;
import io.autoremediate.bench.throughput.EngineThroughput;
import io.autoremediate.bench.throughput.ServeThroughput;
import io.autoremediate.bench.throughput.WaitingHeap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark of bench/run.sh and prints the side-by-side tables (Markdown). Each measurement runs
 * in its own process: the engine's in a fresh JVM, the npm package's in Node, each handler cold start in a
 * fresh JVM. Sizes come from system properties so a quick run is one flag away (see bench/README.md).
 *
 * <p>Usage: {@code BenchMain REPO_ROOT}
 */
public final class BenchMain {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double TRANSITIONS_TARGET = 100_000;
    private static final double RATIO_TARGET = 20;
    private static final double HEAP_TARGET_MB = 256;
    private static final double COLD_START_TARGET_MS = 500;
    private static final double JAR_TARGET_MB = 20;

    private final Path root;
    private final PrintStream out = System.out;
    private final int warmup = Integer.getInteger("bench.warmup", 3);
    private final int rounds = Integer.getInteger("bench.rounds", 5);
    private final long roundMillis = Long.getLong("bench.roundMillis", 2000);
    private final int waiting = Integer.getInteger("bench.waiting", 10_000);
    private final int startupRuns = Integer.getInteger("bench.startupRuns", 10);
    private final int coldRuns = Integer.getInteger("bench.coldRuns", 5);
    private final int serveWarmup = Integer.getInteger("bench.serveWarmup", 10);
    private final int serveBatches = Integer.getInteger("bench.serveBatches", 10);
    /**
     * {@code engine} or {@code coldstart} runs that part alone, {@code serve} only the loop through serve and the
     * npm package's throughput; anything else, everything.
     */
    private final String only = System.getProperty("bench.only", "");

    private BenchMain(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        new BenchMain(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize()).run();
    }

    private void run() throws Exception {
        out.println("# autoremediate bench, " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        out.println();
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, java "
                + Runtime.version() + ", node " + node("--version") + ", load average at start: " + load());
        out.println("settings: warm-up " + warmup + " rounds, " + rounds + " measured rounds of >= " + roundMillis
                + " ms; " + waiting + " waiting executions; " + startupRuns + " start-up runs; " + coldRuns
                + " cold starts per handler and side; serve: " + serveWarmup + " warm-up and " + serveBatches
                + " measured batches");
        out.println();
        if (only.equals("serve")) {
            serveVersusNpm();
        } else if (!only.equals("coldstart")) {
            engineVersusNpm();
        }
        if (!only.equals("engine") && !only.equals("serve")) {
            coldStarts();
        }
        out.println("load average at end: " + load());
    }

    private void engineVersusNpm() throws Exception {
        Path definitions = root.resolve("bench/definitions");
        String classpath = System.getProperty("java.class.path");
        String[] common = {definitions.toString(), String.valueOf(warmup), String.valueOf(rounds),
                String.valueOf(roundMillis)};
        JsonNode engine = json(concat(List.of(java(), "-cp", classpath, EngineThroughput.class.getName()), common));
        JsonNode npm = npmThroughput(common);
        JsonNode serve = serveThroughput();
        JsonNode engineHeap = json(List.of(java(), "-Xmx" + (int) HEAP_TARGET_MB + "m", "-cp", classpath,
                WaitingHeap.class.getName(), definitions.toString(), String.valueOf(waiting), "runtime"));
        JsonNode npmHeap = json(List.of("node", "--expose-gc", root.resolve("bench/node/bench.mjs").toString(),
                "heap", definitions.toString(), String.valueOf(waiting)));
        StartupTime.Result startup = StartupTime.measure(root, startupRuns);

        Stats loopEngine = rates(engine.path("loop"));
        Stats loopNpm = rates(npm.path("loop"));
        Stats mapEngine = rates(engine.path("map"));
        Stats mapNpm = rates(npm.path("map"));
        Stats startEngine = Stats.of(startup.engineMillis());
        Stats startNpm = Stats.of(startup.nodeMillis());
        double heapEngine = megabytes(engineHeap.path("heapWaitingBytes").asLong()
                - engineHeap.path("heapBeforeBytes").asLong());
        double heapNpm = megabytes(npmHeap.path("heapWaitingBytes").asLong() - npmHeap.path("heapBeforeBytes").asLong());

        out.println("## 1. Embedded engine vs aws-local-stepfunctions (same definitions and inputs)");
        out.println();
        out.println("| measure | autoremediate engine | aws-local-stepfunctions | ratio | target | met |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        row("loop, 20 executions x 5,000 iterations at once (states entered/s, mean ± sd (min–max))",
                loopEngine.meanAndSpread("%,.0f"), loopNpm.meanAndSpread("%,.0f"),
                String.format("%.1fx", loopEngine.mean() / loopNpm.mean()),
                ">= 100,000/s and >= 20x",
                loopEngine.mean() >= TRANSITIONS_TARGET && loopEngine.mean() / loopNpm.mean() >= RATIO_TARGET);
        serveRow(serve, loopNpm);
        row("Map over 2,000 items, one execution at a time (states entered/s)",
                mapEngine.meanAndSpread("%,.0f"), mapNpm.meanAndSpread("%,.0f"),
                String.format("%.1fx", mapEngine.mean() / mapNpm.mean()), ">= 100,000/s and >= 20x",
                mapEngine.mean() >= TRANSITIONS_TARGET && mapEngine.mean() / mapNpm.mean() >= RATIO_TARGET);
        row("start-up, `execute` of a one-Pass definition, process start to exit (ms, median (min–max))",
                startEngine.medianAndRange("%.0f"), startNpm.medianAndRange("%.0f"),
                String.format("%.2fx", startEngine.median() / startNpm.median()), "(none set)", null);
        row(String.format("heap held by %,d executions waiting in a Wait (MB, live after GC, above baseline)",
                        waiting),
                String.format("%.1f (%.1f KB each; RSS %.0f MB)", heapEngine, heapEngine * 1024 / waiting,
                        megabytes(engineHeap.path("rssBytes").asLong())),
                String.format("%.1f (%.1f KB each; RSS %.0f MB)", heapNpm, heapNpm * 1024 / waiting,
                        megabytes(npmHeap.path("rssBytes").asLong())),
                String.format("%.2fx", heapEngine / heapNpm), "< 256 MB", heapEngine < HEAP_TARGET_MB);
        out.println();
        out.println("Engine waiting executions: " + engineHeap.path("mode").asText() + ", JVM run with -Xmx"
                + (int) HEAP_TARGET_MB + "m. Loop: 20 executions started at once on an ExecutionRuntime (default pool); "
                + "npm: 20 concurrent run() promises. Map: one execution at a time on both sides.");
        out.println();
        printCpu(engine.path("loop"), npm.path("loop"));
    }

    /** The loop through serve beside the npm package's, both measured in this run. */
    private void serveVersusNpm() throws Exception {
        String[] common = {root.resolve("bench/definitions").toString(), String.valueOf(warmup),
                String.valueOf(rounds), String.valueOf(roundMillis)};
        JsonNode npm = npmThroughput(common);
        JsonNode serve = serveThroughput();
        out.println("## 1. The loop through serve vs aws-local-stepfunctions");
        out.println();
        out.println("| measure | autoremediate engine | aws-local-stepfunctions | ratio | target | met |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        Stats loopNpm = rates(npm.path("loop"));
        row("loop in process (npm side only here)", "", loopNpm.meanAndSpread("%,.0f"), "", "", null);
        serveRow(serve, loopNpm);
        out.println();
        printCpu(null, npm.path("loop"));
    }

    private void serveRow(JsonNode serve, Stats loopNpm) {
        Stats loopServe = rates(serve.path("loop"));
        cpuRows.add(String.format("loop through serve %.2f (serve's process; of a batch's %.0f ms, its 20 "
                        + "StartExecution calls, made at once, took %.0f ms)", cpu(serve.path("loop")).mean(),
                field(serve.path("loop"), "batchMillis").mean(), field(serve.path("loop"), "startsMillis").mean()));
        row(String.format("the same loop through `serve` (journal on; SfnClient over loopback; a batch of 20 at "
                        + "once per round; data folder %.0f bytes per state entered)",
                        serve.path("bytesPerState").asDouble()),
                loopServe.meanAndSpread("%,.0f"), "(in process, row above)",
                String.format("%.1fx", loopServe.mean() / loopNpm.mean()), ">= 20x",
                loopServe.mean() / loopNpm.mean() >= RATIO_TARGET);
    }

    private JsonNode npmThroughput(String[] common) throws IOException, InterruptedException {
        return json(concat(List.of("node", root.resolve("bench/node/bench.mjs").toString(), "throughput"), common));
    }

    private JsonNode serveThroughput() throws IOException, InterruptedException {
        return json(List.of(java(), "-Dbench.serveJavaOptions=" + System.getProperty("bench.serveJavaOptions", ""),
                "-cp", System.getProperty("java.class.path"), ServeThroughput.class.getName(),
                root.resolve("bench/definitions").toString(), root.resolve("local/target/autoremediate.jar").toString(),
                root.resolve("bench/target/serve").toString(), String.valueOf(serveWarmup),
                String.valueOf(serveBatches)));
    }

    private void coldStarts() throws Exception {
        Path jar = root.resolve("functions/target/autoremediate-functions-0.1.0-SNAPSHOT-lambda.jar");
        ColdStart bench = new ColdStart(root, jar, System.getProperty("java.class.path"),
                root.resolve("bench/target/coldstart"));
        List<ColdStart.HandlerResult> results = bench.run(coldRuns);
        out.println("## 2. Lambda handler cold start, fresh JVM to first response (ms, median (min–max))");
        out.println();
        out.println("JVM flags: " + String.join(" ", ColdStart.LAMBDA_LIKE_FLAGS) + "; endpoint: a loopback AWS stub. "
                + "Ours: the shaded jar extracted into a task directory and the handler loaded from it by a "
                + "URLClassLoader, as the Lambda Java runtime does. Last column: handleRequest alone, in a JVM where "
                + "the handler was built and its SnapStart priming hook run first (what a restore starts from).");
        out.println();
        out.println("| handler | ours | naive baseline (XxxClient.create()) | AWS calls "
                + "| target < 500 ms | ours, first request after priming (SnapStart) |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        for (ColdStart.HandlerResult result : results) {
            Stats ours = Stats.of(result.oursMillis());
            Stats naive = Stats.of(result.naiveMillis());
            Stats primed = Stats.of(result.primedRequestMillis());
            out.println("| " + result.handler() + " | " + ours.medianAndRange("%.0f") + " | "
                    + naive.medianAndRange("%.0f") + " | " + String.join(", ", result.oursCalls())
                    + (result.oursCalls().equals(result.naiveCalls()) ? "" : " (baseline: "
                    + String.join(", ", result.naiveCalls()) + ")") + " | "
                    + (ours.median() < COLD_START_TARGET_MS ? "met" : "NOT met") + " | "
                    + primed.medianAndRange("%.0f")
                    + (result.primedCalls().equals(result.oursCalls()) ? "" : " (calls: "
                    + String.join(", ", result.primedCalls()) + ")") + " |");
        }
        out.println();
        double jarMb = megabytes(Files.size(jar));
        out.println(String.format("Shaded jar: %s, %.1f MB (target < %.0f MB: %s). Biggest parts (compressed):",
                root.relativize(jar), jarMb, JAR_TARGET_MB, jarMb < JAR_TARGET_MB ? "met" : "NOT met"));
        out.println();
        for (JarAnatomy.Part part : JarAnatomy.biggest(jar, 12)) {
            out.println(String.format("- %-48s %6.2f MB in %,d files", part.prefix(),
                    megabytes(part.compressedBytes()), part.entries()));
        }
        out.println();
    }

    private void row(String measure, String engine, String npm, String ratio, String target, Boolean met) {
        out.println("| " + measure + " | " + engine + " | " + npm + " | " + ratio + " | " + target + " | "
                + (met == null ? "" : met ? "met" : "NOT met") + " |");
    }

    /** CPU time per state of each loop figure, printed under the table. */
    private final List<String> cpuRows = new ArrayList<>();

    private void printCpu(JsonNode engineLoop, JsonNode npmLoop) {
        List<String> parts = new ArrayList<>();
        if (engineLoop != null) {
            parts.add(String.format("loop in memory %.2f", cpu(engineLoop).mean()));
        }
        parts.addAll(cpuRows);
        parts.add(String.format("npm package's loop %.2f", cpu(npmLoop).mean()));
        out.println("CPU time per state entered (µs, mean of the measured rounds, every thread of the measuring "
                + "process; other processes on the machine change it less than the rates): "
                + String.join("; ", parts) + ".");
        out.println();
    }

    private static Stats cpu(JsonNode rounds) {
        return field(rounds, "cpuMicrosPerState");
    }

    private static Stats field(JsonNode rounds, String name) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(round -> values.add(round.path(name).asDouble()));
        return Stats.of(values);
    }

    private static Stats rates(JsonNode rounds) {
        List<Double> rates = new ArrayList<>();
        rounds.forEach(round -> rates.add(round.path("transitionsPerSecond").asDouble()));
        return Stats.of(rates);
    }

    private JsonNode json(List<String> command) throws IOException, InterruptedException {
        ProcessTimer.Timing timing = ProcessTimer.run(command, root, Map.of());
        if (timing.exitCode() != 0 || timing.firstLine() == null) {
            throw new IllegalStateException("benchmark process failed (exit " + timing.exitCode() + "): "
                    + String.join(" ", command) + "\n" + timing.stderr());
        }
        return MAPPER.readTree(timing.firstLine());
    }

    private String node(String flag) throws IOException, InterruptedException {
        return ProcessTimer.run(List.of("node", flag), root, Map.of()).firstLine();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

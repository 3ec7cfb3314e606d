package io.autoremediate.bench.startup;

import io.autoremediate.bench.ProcessTimer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up time of one execution from the command line, process start to exit: {@code autoremediate execute}
 * (the CLI jar, as the launcher runs it) against aws-local-stepfunctions' {@code local-sfn} CLI, on the same
 * trivial definition and input. Runs alternate, after one untimed run of each to warm the file cache.
 */
public final class StartupTime {

    /** Milliseconds per run for each side. */
    public record Result(List<Double> engineMillis, List<Double> nodeMillis) {
    }

    private StartupTime() {
    }

    public static Result measure(Path root, int runs) throws IOException, InterruptedException {
        Path definition = root.resolve("bench/definitions/trivial.asl.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> engine = List.of(java, "-jar", root.resolve("local/target/autoremediate.jar").toString(),
                "execute", "--definition", definition.toString(),
                "--input", root.resolve("bench/definitions/trivial-input.json").toString());
        List<String> node = List.of("node",
                root.resolve("bench/node/node_modules/aws-local-stepfunctions/bin/CLI.cjs").toString(),
                "--definition-file", definition.toString());
        List<Double> engineMillis = new ArrayList<>();
        List<Double> nodeMillis = new ArrayList<>();
        for (int i = -1; i < runs; i++) {
            double e = exitMillis(engine, root, "");
            // local-sfn reads its inputs from stdin whenever stdin is not a terminal.
            double n = exitMillis(node, root, "{}\n");
            if (i >= 0) {
                engineMillis.add(e);
                nodeMillis.add(n);
            }
        }
        return new Result(engineMillis, nodeMillis);
    }

    private static double exitMillis(List<String> command, Path root, String stdin)
            throws IOException, InterruptedException {
        ProcessTimer.Timing timing = ProcessTimer.run(command, root, Map.of(), stdin);
        if (timing.exitCode() != 0 || timing.firstLine() == null || !timing.firstLine().contains("world")) {
            throw new IllegalStateException("start-up run failed (exit " + timing.exitCode() + "): "
                    + String.join(" ", command) + "\n" + timing.firstLine() + "\n" + timing.stderr());
        }
        return timing.exitMillis();
    }
}

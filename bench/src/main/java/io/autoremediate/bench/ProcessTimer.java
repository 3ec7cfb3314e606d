package io.autoremediate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a command and times it from the start to its first line of output, and to its exit. */
public final class ProcessTimer {

    /** @param firstLineMillis from starting the process to its first line on stdout; {@code -1} if none */
    public record Timing(double firstLineMillis, double exitMillis, int exitCode, String firstLine, String stderr) {
    }

    private ProcessTimer() {
    }

    public static Timing run(List<String> command, Path directory, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(command, directory, environment, "");
    }

    /** As {@link #run(List, Path, Map)}, with {@code stdin} written to the process and its input then closed. */
    public static Timing run(List<String> command, Path directory, Map<String, String> environment, String stdin)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String firstLine;
        double firstLineMillis;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            firstLine = out.readLine();
            firstLineMillis = firstLine == null ? -1 : (System.nanoTime() - start) / 1e6;
            out.transferTo(java.io.Writer.nullWriter());
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out after 120 s: " + String.join(" ", command));
        }
        double exitMillis = (System.nanoTime() - start) / 1e6;
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Timing(firstLineMillis, exitMillis, process.exitValue(), firstLine, stderr);
    }
}

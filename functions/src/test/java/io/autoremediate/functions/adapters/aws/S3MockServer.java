package io.autoremediate.functions.adapters.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe's S3Mock, a real S3 endpoint (REST/XML, versioning, ranged GETs), started once per test JVM from its
 * executable jar in a child JVM. It is a Spring Boot application whose Spring, Jackson and SDK versions would
 * clash with ours on one classpath; the build copies the jar to {@code target/s3mock/} (see functions/pom.xml).
 */
final class S3MockServer {

    static final String JAR_PROPERTY = "s3mock.jar";
    private static final Pattern STARTED = Pattern.compile("Tomcat started on ports? .*?(\\d+) \\(http\\)");
    private static final long START_TIMEOUT_SECONDS = 90;

    private static S3MockServer shared;

    private final Process process;
    private final String endpoint;
    private final Path store;

    private S3MockServer(Process process, String endpoint, Path store) {
        this.process = process;
        this.endpoint = endpoint;
        this.store = store;
    }

    /** The running server, started on first use and stopped when the test JVM exits. */
    static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3mock-stop"));
        }
        return shared;
    }

    String endpoint() {
        return endpoint;
    }

    S3Client client() {
        return SdkClients.s3(endpoint);
    }

    private static S3MockServer start() {
        Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/s3mock/s3mock-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock jar not found at " + jar.toAbsolutePath() + "; run the tests "
                    + "through Maven (mvn -pl functions test), which copies it there in generate-test-resources");
        }
        Path store;
        try {
            store = Files.createTempDirectory("s3mock-store");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a folder for S3Mock's objects", e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString(),
                // Port 0 for both connectors: the ports chosen are read back from the startup log.
                "--http.port=0", "--server.port=0",
                "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.root=" + store,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false"));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start S3Mock: " + e.getMessage(), e);
        }
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(process, lastLines, port), "s3mock-log");
        reader.setDaemon(true);
        reader.start();
        try {
            int httpPort = port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new S3MockServer(process, "http://127.0.0.1:" + httpPort, store);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String log;
            synchronized (lastLines) {
                log = String.join("\n", lastLines);
            }
            throw new IllegalStateException("S3Mock did not start within " + START_TIMEOUT_SECONDS + " s; its last "
                    + "log lines:\n" + log, e);
        }
    }

    /** Drains the child's output (so it never blocks on a full pipe) and reports the HTTP port once seen. */
    private static void readLog(Process process, Deque<String> lastLines, CompletableFuture<Integer> port) {
        try (BufferedReader log = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = log.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                Matcher started = STARTED.matcher(line);
                if (!port.isDone() && started.find()) {
                    port.complete(Integer.parseInt(started.group(1)));
                }
            }
        } catch (IOException e) {
            // The child closed its output: it ended, which the wait below reports.
        }
        if (!port.isDone()) {
            port.completeExceptionally(new IllegalStateException("S3Mock closed its output before it started"));
        }
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(store)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing the build for.
        }
    }
}

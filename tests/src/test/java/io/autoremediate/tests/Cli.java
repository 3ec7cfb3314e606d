package io.autoremediate.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the CLI the way a user does: the built jar in its own JVM, with exit code, stdout and stderr. */
final class Cli {

    /** The tests run from {@code tests/}; the reactor has packaged the CLI before they start. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("local/target/autoremediate.jar");

    record Run(int exitCode, String stdout, String stderr) {
    }

    private Cli() {
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the tests through 'mvn verify' from the root");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("autoremediate " + String.join(" ", args) + " did not end in 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

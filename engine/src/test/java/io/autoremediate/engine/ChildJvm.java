package io.autoremediate.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: starts a main class of the test classpath in a JVM of its own, so a test can kill it. */
final class ChildJvm {
    private ChildJvm() {
    }

    static ProcessBuilder of(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    static Process start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        return of(jvmOptions, main, args).start();
    }
}

package io.autoremediate.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tiny stand-in for systemd, so that the runbook written for the instance ({@code systemctl restart
 * webapp}) runs unchanged here: a {@code systemctl} script on the runbook's PATH starts and stops the
 * services registered in a folder, each an executable {@code <name>.start} with a pid file beside it.
 */
public final class LocalServices {

    private static final String SHIM_RESOURCE = "/local/systemctl.sh";

    private final Path servicesDir;
    private final Path binDir;

    private LocalServices(Path servicesDir, Path binDir) {
        this.servicesDir = servicesDir;
        this.binDir = binDir;
    }

    /** Lays out the services folder and the {@code systemctl} stand-in under {@code root}. */
    public static LocalServices create(Path root) throws IOException {
        Path services = Files.createDirectories(root.resolve("services")).toAbsolutePath();
        Path bin = Files.createDirectories(root.resolve("bin")).toAbsolutePath();
        String shim;
        try (InputStream in = LocalServices.class.getResourceAsStream(SHIM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build did not bundle " + SHIM_RESOURCE);
            }
            shim = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        executable(bin.resolve("systemctl"), shim.replace("@SERVICES_DIR@", services.toString()));
        return new LocalServices(services, bin);
    }

    /** The folder to put first on a runbook's PATH. */
    public Path binDir() {
        return binDir;
    }

    /** Registers a service whose process is {@code command} (run without a shell in between). */
    public void register(String name, List<String> command) throws IOException {
        StringBuilder script = new StringBuilder("#!/usr/bin/env bash\nexec");
        for (String word : command) {
            script.append(' ').append(quote(word));
        }
        executable(servicesDir.resolve(name + ".start"), script.append('\n').toString());
    }

    /** Runs the stand-in as a runbook would, e.g. {@code systemctl("start", "webapp")}. */
    public int systemctl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(binDir.resolve("systemctl").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("systemctl " + String.join(" ", args) + " did not finish in 30 s");
        }
        return process.exitValue();
    }

    /** The running process of a service, if any. */
    public Optional<ProcessHandle> process(String name) throws IOException {
        Path pidFile = servicesDir.resolve(name + ".pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String pid = Files.readString(pidFile).strip();
        return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }
}

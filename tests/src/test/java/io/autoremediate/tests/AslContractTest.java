package io.autoremediate.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared {@code execute} contract, through its own runner, when the shared folder is beside the checkout. */
class AslContractTest {

    private static final Path RUNNER = Cli.ROOT.resolve("../shared/asl-contract/run.sh").normalize();

    @Test
    void everyContractCasePasses() throws Exception {
        assumeTrue(Files.isExecutable(RUNNER), "no shared ASL contract beside the checkout");
        Path launcher = Files.createTempFile("autoremediate", ".sh");
        Files.writeString(launcher, "#!/bin/sh\nexec java -jar '" + Cli.JAR + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Process process = new ProcessBuilder("bash", RUNNER.toString(), launcher.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(300, TimeUnit.SECONDS);

        assertThat(output).as(output).containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(process.exitValue()).isZero();
    }
}

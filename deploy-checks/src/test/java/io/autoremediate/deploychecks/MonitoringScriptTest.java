package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ansible/files/webapp-uptime-check.sh for real in bash, with stand-ins for curl (IMDSv2 and the web
 * app), systemctl and aws on PATH that record their arguments.
 */
class MonitoringScriptTest {

    private static final Path SCRIPT = Repository.resolve("ansible/files/webapp-uptime-check.sh");
    private static final String INSTANCE = "i-0a1b2c3d4e5f67890";

    @TempDir
    Path work;

    @Test
    void publishesOneWhenTheServiceIsActiveAndAnswers() throws Exception {
        Run run = run(Map.of(), "AWS_REGION=eu-west-1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.awsArguments()).containsExactly("cloudwatch", "put-metric-data", "--region", "eu-west-1",
                "--namespace", "CustomNamespace", "--metric-name", "webapp-uptime", "--dimensions",
                "InstanceId=" + INSTANCE, "--unit", "Count", "--value", "1");
        assertThat(run.log("systemctl")).contains("is-active --quiet webapp");
    }

    @Test
    void publishesZeroWhenTheServiceIsStopped() throws Exception {
        Run run = run(Map.of("STANDIN_SERVICE", "inactive"), "AWS_REGION=eu-west-1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.awsArguments()).endsWith("--value", "0").contains("InstanceId=" + INSTANCE);
    }

    @Test
    void publishesZeroWhenTheServiceIsActiveButDoesNotAnswer() throws Exception {
        Run run = run(Map.of("STANDIN_HTTP", "down"), "AWS_REGION=eu-west-1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.awsArguments()).endsWith("--value", "0");
    }

    @Test
    void asksImdsv2ForATokenFirstAndTakesTheRegionFromItWhenNoneIsConfigured() throws Exception {
        Run run = run(Map.of(), "");
        assertThat(run.exitCode()).isZero();
        List<String> curl = run.log("curl");
        assertThat(curl.get(0)).contains("-X PUT").contains("/latest/api/token");
        assertThat(curl).anyMatch(line -> line.contains("X-aws-ec2-metadata-token: TOKEN-123")
                && line.endsWith("/latest/meta-data/instance-id"));
        assertThat(run.awsArguments()).containsSequence("--region", "ap-southeast-2");
    }

    @Test
    void readsNamesFromItsConfiguration() throws Exception {
        Run run = run(Map.of(), "AWS_REGION=eu-west-1\nMETRIC_NAMESPACE='Other Space'\nMETRIC_NAME=uptime\n"
                + "PROBE_URL=http://127.0.0.1:8081/\nSERVICE_NAME=shop");
        assertThat(run.awsArguments()).containsSequence("--namespace", "Other Space")
                .containsSequence("--metric-name", "uptime");
        assertThat(run.log("curl")).anyMatch(line -> line.endsWith("http://127.0.0.1:8081/"));
        assertThat(run.log("systemctl")).contains("is-active --quiet shop");
    }

    private record Run(int exitCode, Path records, String output) {
        List<String> awsArguments() throws IOException {
            return log("aws");
        }

        List<String> log(String tool) throws IOException {
            Path file = records.resolve(tool + ".log");
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
    }

    private Run run(Map<String, String> environment, String config) throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String tool : List.of("curl", "systemctl", "aws")) {
            try (InputStream in = getClass().getResourceAsStream("standins/" + tool)) {
                Path target = bin.resolve(tool);
                Files.write(target, in.readAllBytes());
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Path records = Files.createDirectories(work.resolve("records"));
        Path configFile = work.resolve("webapp-uptime.conf");
        Files.writeString(configFile, config + "\n");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("HOME", work.toString());
        builder.environment().put("RECORD_DIR", records.toString());
        builder.environment().put("WEBAPP_UPTIME_CONFIG", configFile.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("script finished").isTrue();
        return new Run(process.exitValue(), records, output);
    }
}

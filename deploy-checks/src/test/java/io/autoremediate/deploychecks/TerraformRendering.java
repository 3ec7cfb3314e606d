package io.autoremediate.deploychecks;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The module's event patterns as Terraform itself renders them: {@code terraform test} applies
 * modules/autoremediate under the mocked AWS provider once per set of opt-ins in {@link #CASES}, and the rules'
 * {@code event_pattern} attributes are read from the resulting state. Found and initialised as
 * terraform/check.sh does (the provider from TF_PLUGIN_DIR or /opt/tf-plugins when present); the work copy and the
 * rendered patterns are kept under target/, and terraform runs again only when the module's files change.
 */
final class TerraformRendering {

    /** The state machine ARN the recorded Step Functions events name (us-east-1, the mock's account). */
    static final String STATE_MACHINE_ARN =
            "arn:aws:states:us-east-1:123456789012:stateMachine:autoremediate-remediation";
    static final String WEBAPP_ALARM = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime";

    /** The module inputs the pattern tests ask about, rendered in one terraform run. */
    static final List<OptIns> CASES = List.of(
            new OptIns("webapp-", List.of()),
            new OptIns(null, List.of(WEBAPP_ALARM)),
            new OptIns("Server", List.of(WEBAPP_ALARM)),
            new OptIns("autoremediate-", List.of(WEBAPP_ALARM)));

    static final String ALARM_RULE = "aws_cloudwatch_event_rule.alarm_state_change";
    static final String BACKSTOP_RULE = "aws_cloudwatch_event_rule.backstop";

    private static final Path MODULE = Repository.resolve("terraform/modules/autoremediate");
    private static final long TIMEOUT_MINUTES = 10;

    /** {@code alarm_name_prefix} (null: unset) and {@code alarm_arns} of one render. */
    record OptIns(String alarmNamePrefix, List<String> alarmArns) {
        OptIns {
            alarmArns = List.copyOf(alarmArns);
        }
    }

    private TerraformRendering() {
    }

    /** Why the rendered patterns cannot be had here, or empty when terraform is on this machine. */
    static Optional<String> unavailableBecause() {
        return terraform().isPresent() ? Optional.empty() : Optional.of("terraform is not on the PATH, so only the"
                + " Java HCL reader's reading of the patterns is checked here (as in CI, which has no terraform)");
    }

    /** The event pattern terraform gives {@code rule} (a resource address) for {@code optIns}, as JSON text. */
    static String pattern(OptIns optIns, String rule) {
        int run = CASES.indexOf(optIns);
        if (run < 0) {
            throw new AssertionError(optIns + " is not rendered: add it to TerraformRendering.CASES");
        }
        String pattern = Rendered.PATTERNS.get(runName(run)).get(rule);
        if (pattern == null) {
            throw new AssertionError("terraform's state after run " + runName(run) + " has no " + rule);
        }
        return pattern;
    }

    /** Rendered on first use, once per JVM. */
    private static final class Rendered {
        static final Map<String, Map<String, String>> PATTERNS = render();
    }

    private static Map<String, Map<String, String>> render() {
        Path terraform = terraform().orElseThrow(() -> new IllegalStateException(unavailableBecause().orElseThrow()));
        Path work = Path.of(System.getProperty("autoremediate.build.directory", "target"), "terraform-render")
                .toAbsolutePath();
        Path cache = work.resolve("rendered.json");
        String testFile = testFile();
        try {
            String key = digest(testFile);
            if (Files.isRegularFile(cache)) {
                JsonNode cached = HclJson.JSON.readTree(cache.toFile());
                if (cached.path("key").asText().equals(key)) {
                    return HclJson.JSON.convertValue(cached.path("runs"), new TypeReference<>() { });
                }
            }
            Path module = prepare(work, testFile);
            if (!Files.isDirectory(module.resolve(".terraform/providers"))) {
                run(module, init(terraform));
            }
            Map<String, Map<String, String>> patterns = patterns(run(module, List.of(terraform.toString(), "test",
                    "-no-color", "-json", "-verbose")));
            ObjectNode saved = HclJson.JSON.createObjectNode().put("key", key);
            saved.set("runs", HclJson.JSON.valueToTree(patterns));
            HclJson.JSON.writeValue(cache.toFile(), saved);
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the module's patterns under " + work, e);
        }
    }

    /** A copy of the module beside the files its tests name, with only the render's test file; .terraform kept. */
    private static Path prepare(Path work, String testFile) throws IOException {
        Path module = work.resolve("module");
        Files.createDirectories(module.resolve("tests/mocks"));
        try (Stream<Path> old = Files.list(module)) {
            for (Path file : old.filter(f -> f.toString().endsWith(".tf")).toList()) {
                Files.delete(file);
            }
        }
        for (Path file : moduleFiles()) {
            Files.copy(file, module.resolve(MODULE.relativize(file).toString()),
                    REPLACE_EXISTING);
        }
        Files.writeString(module.resolve("tests/render.tftest.hcl"), testFile);
        Path definition = work.resolve("statemachine/remediation.asl.json");
        Files.createDirectories(definition.getParent());
        Files.copy(Repository.resolve("statemachine/remediation.asl.json"), definition,
                REPLACE_EXISTING);
        Path runbooks = Files.createDirectories(work.resolve("remediations"));
        try (Stream<Path> files = Files.list(Repository.resolve("remediations"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, runbooks.resolve(file.getFileName()), REPLACE_EXISTING);
            }
        }
        return module;
    }

    /** The module's *.tf files and its mocked provider: what the rendering depends on. */
    private static List<Path> moduleFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> tf = Files.list(MODULE); Stream<Path> mocks = Files.list(MODULE.resolve("tests/mocks"))) {
            tf.filter(f -> f.toString().endsWith(".tf")).sorted().forEach(files::add);
            mocks.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    private static String testFile() {
        StringBuilder text = new StringBuilder("""
                # Written by deploy-checks (TerraformRendering): one apply per set of opt-ins, under the module's
                # mocked provider, in us-east-1 so the ARNs are those of the recorded events.
                mock_provider "aws" {
                  source = "./tests/mocks"
                }

                variables {
                  lambda_jar_path               = "../statemachine/remediation.asl.json" # any file: only hashed here
                  runbooks_dir                  = "../remediations"
                  state_machine_definition_path = "../statemachine/remediation.asl.json"
                }

                override_data {
                  target = data.aws_region.current
                  values = { name = "us-east-1" }
                }

                override_resource {
                  target = aws_sfn_state_machine.remediation
                  values = { arn = %s }
                }
                """.formatted(quoted(STATE_MACHINE_ARN)));
        for (int i = 0; i < CASES.size(); i++) {
            OptIns optIns = CASES.get(i);
            text.append("""

                    run "%s" {
                      command = apply
                      variables {
                        alarm_name_prefix = %s
                        alarm_arns        = [%s]
                      }
                    }
                    """.formatted(runName(i), optIns.alarmNamePrefix() == null ? "null" : quoted(optIns.alarmNamePrefix()),
                    String.join(", ", optIns.alarmArns().stream().map(TerraformRendering::quoted).toList())));
        }
        return text.toString();
    }

    private static String runName(int index) {
        return "opt_ins_" + index;
    }

    /** A JSON string is an HCL string as long as it holds no template sequence, which these values do not. */
    private static String quoted(String value) {
        if (value.contains("${") || value.contains("%{")) {
            throw new IllegalArgumentException("not a plain string: " + value);
        }
        try {
            return HclJson.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> init(Path terraform) {
        List<String> init = new ArrayList<>(List.of(terraform.toString(), "init", "-backend=false", "-input=false",
                "-no-color"));
        String pluginDir = System.getenv("TF_PLUGIN_DIR");
        if ((pluginDir == null || pluginDir.isEmpty()) && Files.isDirectory(Path.of("/opt/tf-plugins"))) {
            pluginDir = "/opt/tf-plugins";
        }
        if (pluginDir != null && !pluginDir.isEmpty()) {
            init.add("-plugin-dir=" + pluginDir);
        }
        return init;
    }

    /** Runs {@code command} in {@code dir}; its stdout, or an error with terraform's own words. */
    private static List<String> run(Path dir, List<String> command) throws IOException {
        Path errors = Files.createTempFile(dir.getParent(), "terraform", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile());
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("CHECKPOINT_DISABLE", "1"); // no call home for a version check
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took over " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command.get(1), e);
        }
        String stderr = Files.readString(errors);
        Files.delete(errors);
        if (process.exitValue() != 0) {
            throw new AssertionError("terraform " + command.get(1) + " in " + dir + " exited " + process.exitValue()
                    + ":\n" + diagnostics(lines) + stderr);
        }
        return lines;
    }

    /** From {@code terraform test -json -verbose}: run name to rule address to its event_pattern. */
    private static Map<String, Map<String, String>> patterns(List<String> testOutput) throws IOException {
        Map<String, Map<String, String>> runs = new LinkedHashMap<>();
        for (String line : testOutput) {
            if (!line.contains("\"type\":\"test_state\"")) {
                continue; // the other messages are progress; each state message also carries provider schemas
            }
            JsonNode message = HclJson.JSON.readTree(line);
            Map<String, String> rules = new LinkedHashMap<>();
            for (JsonNode resource : message.path("test_state").path("root_module").path("resources")) {
                if (resource.path("type").asText().equals("aws_cloudwatch_event_rule")) {
                    rules.put(resource.path("address").asText(), resource.path("values").path("event_pattern").asText());
                }
            }
            runs.put(message.path("@testrun").asText(), rules);
        }
        if (runs.size() != CASES.size()) {
            throw new AssertionError("terraform test printed the state of " + runs.keySet() + ", expected "
                    + CASES.size() + " runs:\n" + diagnostics(testOutput));
        }
        return runs;
    }

    private static String diagnostics(List<String> testOutput) {
        StringBuilder text = new StringBuilder();
        for (String line : testOutput) {
            if (line.contains("\"type\":\"diagnostic\"") || line.contains("\"type\":\"test_summary\"")) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    private static String digest(String testFile) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(testFile.getBytes(StandardCharsets.UTF_8));
            for (Path file : moduleFiles()) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Optional<Path> terraform() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "terraform"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}

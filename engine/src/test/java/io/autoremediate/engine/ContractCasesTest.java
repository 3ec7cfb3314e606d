package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.functions.ExecutableFunction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code execute} contract cases kept beside this test in {@code contract-cases/} (one folder per case:
 * definition, input, expected end and any functions as scripts) through the engine with
 * {@link ExecutableFunction}s, as the CLI does.
 */
class ContractCasesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> cases() throws IOException, URISyntaxException {
        Path root = Path.of(ContractCasesTest.class.getResource("contract-cases").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.exists(d.resolve("definition.json"))).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseEndsAsExpected(Path dir) throws IOException {
        FunctionRegistry functions = new FunctionRegistry();
        Path functionDir = dir.resolve("functions");
        if (Files.isDirectory(functionDir)) {
            try (Stream<Path> scripts = Files.list(functionDir)) {
                for (Path script : scripts.toList()) {
                    script.toFile().setExecutable(true);
                    String name = script.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                    functions.bind(name, new ExecutableFunction(script));
                }
            }
        }
        StateMachineDefinition definition = StateMachineDefinition.parse(Files.readString(dir.resolve("definition.json")));
        JsonNode input = JSON.readTree(dir.resolve("input.json").toFile());
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());

        ExecutionResult result = OneShot.execute(functions, new VirtualClock(), definition, new ExecutionRequest("contract", "case", input), ExecutionListener.NONE);

        assertThat(result.status().name()).isEqualTo(expected.get("status").asText());
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            assertThat(result.output()).isEqualTo(expected.get("output"));
        } else {
            assertThat(result.error()).isEqualTo(expected.get("error").asText());
            if (expected.has("cause")) {
                assertThat(result.cause()).isEqualTo(expected.get("cause").asText());
            }
        }
    }
}

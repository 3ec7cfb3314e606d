package io.autoremediate.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.SampleHandlers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code execute --function NAME=package.Class::method}: a Java handler bound by its Lambda handler string. */
class ExecuteHandlerBindingTest {

    private static final String DEFINITION = """
            {"StartAt": "Order", "States": {
              "Order": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "orders", "Payload.$": "$"},
                        "OutputPath": "$.Payload", "End": true}}}""";

    @TempDir
    Path dir;

    @Test
    void aHandlerStringBindsAJavaHandlerInProcess() throws Exception {
        Run run = execute("{\"item\":\"disk\",\"quantity\":2}",
                "orders=" + SampleHandlers.Orders.class.getName() + "::handleRequest");

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(LocalJson.MAPPER.readTree(run.stdout).path("line").asText()).isEqualTo("2 x disk for orders");
    }

    @Test
    void aHandlerExceptionFailsTheExecutionWithItsClassAsError() throws Exception {
        Run run = execute("{\"item\":\"disk\",\"quantity\":0}",
                "orders=" + SampleHandlers.Orders.class.getName());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(LocalJson.MAPPER.readTree(run.stdout).path("error").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void anUnknownClassIsAUsageErrorNamingIt() throws Exception {
        Run run = execute("{}", "orders=com.example.Nope::handle");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("function orders: handler com.example.Nope::handle: no class com.example.Nope");
        assertThat(run.stderr).doesNotContain("\tat ");
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run execute(String input, String binding) throws Exception {
        Path definition = Files.writeString(dir.resolve("def.json"), DEFINITION);
        Path inputFile = Files.writeString(dir.resolve("in.json"), input);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = AutoremediateCli.run("execute", "--definition", definition.toString(), "--input",
                    inputFile.toString(), "--function", binding);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

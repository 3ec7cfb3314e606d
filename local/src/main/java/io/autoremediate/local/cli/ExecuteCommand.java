package io.autoremediate.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.InvalidDefinitionException;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.UnboundFunctionException;
import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.runtime.LocalRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs any state machine definition once, with functions bound to executables. Other tools rely on this
 * contract: output JSON and exit 0 on success, {@code {"error","cause"}} and exit 1 on failure, a message
 * on stderr and exit 2 for an invalid definition, input or binding.
 */
@Command(name = "execute", description = "Run a state machine definition once on the embedded engine.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the execution succeeded; its output JSON is on stdout",
                "1:the execution failed, timed out or was aborted; {\"error\",\"cause\"} is on stdout",
                "2:invalid definition, input or --function binding; a message is on stderr"})
public final class ExecuteCommand implements Callable<Integer> {

    @Option(names = "--definition", required = true, paramLabel = "FILE", description = "The ASL definition, a JSON file.")
    private Path definition;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The execution input, a JSON file.")
    private Path input;

    @Option(names = "--function", paramLabel = "NAME=EXECUTABLE",
            description = "Bind a Lambda function name to an executable (payload on stdin, result on stdout), or"
                    + " to a Java handler on this classpath, called in process, as%nNAME=package.Class::method")
    private List<String> functions = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The execution name (default: a UUID).")
    private String executionName;

    @Override
    public Integer call() {
        StateMachineDefinition parsed;
        try {
            parsed = StateMachineDefinition.parse(JsonFiles.text(definition, "definition"));
        } catch (InvalidDefinitionException e) {
            throw new UsageException("invalid definition " + definition + ": " + e.getMessage());
        }
        JsonNode executionInput = JsonFiles.json(input, "input");
        ExecutionResult result;
        try (LocalRuntime runtime = LocalRuntime.builder()
                .functions(FunctionBindings.parse(functions, LocalArns.LOCAL)).build()) {
            result = runtime.run(parsed, new ExecutionRequest("execute", executionName, executionInput),
                    ExecutionListener.NONE);
        } catch (UnboundFunctionException e) {
            throw new UsageException(e.getMessage());
        }
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            System.out.println(LocalJson.write(result.output()));
            return 0;
        }
        ObjectNode failure = LocalJson.MAPPER.createObjectNode();
        failure.put("error", result.error());
        failure.put("cause", result.cause());
        System.out.println(LocalJson.write(failure));
        return 1;
    }
}

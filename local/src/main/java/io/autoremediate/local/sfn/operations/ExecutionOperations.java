package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionAlreadyExistsException;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.sfn.execution.ExecutionBackend;
import io.autoremediate.local.sfn.execution.ExecutionStart;
import io.autoremediate.local.sfn.execution.ExecutionView;
import io.autoremediate.local.sfn.protocol.AwsJsonRequest;
import io.autoremediate.local.sfn.protocol.Epoch;
import io.autoremediate.local.sfn.protocol.PageToken;
import io.autoremediate.local.sfn.protocol.SfnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * StartExecution, DescribeExecution, ListExecutions and StopExecution over an {@link ExecutionBackend}, with
 * the engine's naming rule, Step Functions': a name is used once per state machine; repeating StartExecution
 * with the same name and input while that execution runs returns it, anything else is ExecutionAlreadyExists.
 */
public final class ExecutionOperations {
    /** Step Functions' input and output limit, 256 KiB of UTF-8. */
    static final int MAX_INPUT_BYTES = 262_144;
    private static final Set<String> STATUSES =
            Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

    private final Arns arns;
    private final StateMachineOperations stateMachines;
    private final ExecutionBackend backend;

    public ExecutionOperations(Arns arns, StateMachineOperations stateMachines, ExecutionBackend backend) {
        this.arns = arns;
        this.stateMachines = stateMachines;
        this.backend = backend;
    }

    public synchronized ObjectNode start(AwsJsonRequest request) {
        StateMachineRecord machine = stateMachines.require(request.requiredString("stateMachineArn"));
        String name = Names.require("execution", request.string("name").orElseGet(() -> UUID.randomUUID().toString()));
        String inputText = request.string("input").orElse("{}");
        JsonNode input = parseInput(inputText);
        String executionArn = arns.execution(machine.name(), name);
        ExecutionView view;
        try {
            view = backend.start(new ExecutionStart(executionArn, name, machine.arn(), machine.name(),
                    machine.definition(), machine.roleArn(), inputText, input));
        } catch (ExecutionAlreadyExistsException e) {
            throw new SfnException("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
        }
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("executionArn", view.executionArn());
        answer.put("startDate", Epoch.seconds(view.startDate()));
        return answer;
    }

    private static JsonNode parseInput(String inputText) {
        if (inputText.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw SfnException.validation("input", "...", "Member must have length less than or equal to 262144");
        }
        try {
            JsonNode input = LocalJson.MAPPER.readTree(inputText);
            if (input == null || input.isMissingNode()) {
                throw new SfnException("InvalidExecutionInput", "Invalid State Machine Execution Input: 'empty'");
            }
            return input;
        } catch (IOException e) {
            throw new SfnException("InvalidExecutionInput",
                    "Invalid State Machine Execution Input: '" + e.getMessage().lines().findFirst().orElse("") + "'");
        }
    }

    public ObjectNode describe(AwsJsonRequest request) {
        ExecutionView view = require(request.requiredString("executionArn"));
        boolean metadataOnly = request.string("includedData").filter("METADATA_ONLY"::equals).isPresent();
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("executionArn", view.executionArn());
        answer.put("stateMachineArn", view.stateMachineArn());
        answer.put("name", view.name());
        answer.put("status", view.status().name());
        answer.put("startDate", Epoch.seconds(view.startDate()));
        if (view.stopDate() != null) {
            answer.put("stopDate", Epoch.seconds(view.stopDate()));
        }
        if (!metadataOnly) {
            answer.put("input", view.input());
        }
        answer.putObject("inputDetails").put("included", !metadataOnly);
        if (view.output() != null) {
            if (!metadataOnly) {
                answer.put("output", view.output());
            }
            answer.putObject("outputDetails").put("included", !metadataOnly);
        }
        if (view.error() != null) {
            answer.put("error", view.error());
        }
        if (view.cause() != null) {
            answer.put("cause", view.cause());
        }
        answer.put("redriveCount", 0);
        answer.put("redriveStatus", "NOT_REDRIVABLE");
        return answer;
    }

    /** ListExecutions: newest first, optionally of one status, paged by maxResults and nextToken. */
    public ObjectNode list(AwsJsonRequest request) {
        StateMachineRecord machine = stateMachines.require(request.requiredString("stateMachineArn"));
        String status = request.string("statusFilter").orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            throw SfnException.validation("statusFilter", status, "Member must satisfy enum value set: "
                    + List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"));
        }
        int pageSize = PageToken.pageSize(request);
        String listing = "executions " + machine.arn() + " " + status;
        long from = request.string("nextToken").map(token -> PageToken.decode(listing, token)).orElse(Long.MAX_VALUE);
        List<ExecutionView> matching = backend.list(machine.arn()).stream()
                .filter(view -> view.sequence() <= from)
                .filter(view -> status == null || view.status().name().equals(status))
                .toList();
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        ArrayNode items = answer.putArray("executions");
        for (ExecutionView view : matching.subList(0, Math.min(pageSize, matching.size()))) {
            ObjectNode item = items.addObject();
            item.put("executionArn", view.executionArn());
            item.put("stateMachineArn", view.stateMachineArn());
            item.put("name", view.name());
            item.put("status", view.status().name());
            item.put("startDate", Epoch.seconds(view.startDate()));
            if (view.stopDate() != null) {
                item.put("stopDate", Epoch.seconds(view.stopDate()));
            }
        }
        if (matching.size() > pageSize) {
            answer.put("nextToken", PageToken.encode(listing, matching.get(pageSize).sequence()));
        }
        return answer;
    }

    /** StopExecution: aborts a running execution; one that has ended keeps its status and stop date. */
    public ObjectNode stop(AwsJsonRequest request) {
        String executionArn = request.requiredString("executionArn");
        String error = request.string("error").orElse(null);
        String cause = request.string("cause").orElse(null);
        if (error != null && error.length() > 256) {
            throw SfnException.validation("error", "...", "Member must have length less than or equal to 256");
        }
        if (cause != null && cause.length() > 32_768) {
            throw SfnException.validation("cause", "...", "Member must have length less than or equal to 32768");
        }
        arns.requireExecution(executionArn);
        ExecutionView view = backend.stop(executionArn, error, cause).orElseThrow(() -> doesNotExist(executionArn));
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("stopDate", Epoch.seconds(view.stopDate()));
        return answer;
    }

    /** The execution behind an ARN, or ExecutionDoesNotExist (InvalidArn when it is not one). */
    ExecutionView require(String executionArn) {
        arns.requireExecution(executionArn);
        return backend.describe(executionArn).orElseThrow(() -> doesNotExist(executionArn));
    }

    private static SfnException doesNotExist(String executionArn) {
        return new SfnException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
    }
}

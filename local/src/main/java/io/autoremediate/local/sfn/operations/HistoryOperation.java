package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.sfn.execution.ExecutionBackend;
import io.autoremediate.local.sfn.protocol.AwsJsonRequest;
import io.autoremediate.local.sfn.protocol.Epoch;
import io.autoremediate.local.sfn.protocol.PageToken;
import java.util.List;

/**
 * GetExecutionHistory: the events so far (a running execution's too), oldest first or with
 * {@code reverseOrder} newest first, paged; {@code includeExecutionData: false} leaves out inputs and outputs.
 */
public final class HistoryOperation {
    private static final List<String> EXECUTION_DATA = List.of("input", "inputDetails", "output", "outputDetails");

    private final ExecutionOperations executions;
    private final ExecutionBackend backend;

    public HistoryOperation(ExecutionOperations executions, ExecutionBackend backend) {
        this.executions = executions;
        this.backend = backend;
    }

    public ObjectNode history(AwsJsonRequest request) {
        String executionArn = request.requiredString("executionArn");
        executions.require(executionArn);
        boolean reverse = request.bool("reverseOrder").orElse(false);
        boolean includeData = request.bool("includeExecutionData").orElse(true);
        int pageSize = PageToken.pageSize(request);
        List<HistoryEvent> events = backend.history(executionArn);
        String listing = "history " + executionArn + " " + reverse;
        // Positions are indexes into the oldest-first list, which only grows, so tokens stay valid.
        long first = request.string("nextToken").map(token -> PageToken.decode(listing, token))
                .orElse(reverse ? events.size() - 1L : 0L);
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        ArrayNode page = answer.putArray("events");
        long index = first;
        while (index >= 0 && index < events.size() && page.size() < pageSize) {
            page.add(toJson(events.get((int) index), includeData));
            index += reverse ? -1 : 1;
        }
        if (index >= 0 && index < events.size()) {
            answer.put("nextToken", PageToken.encode(listing, index));
        }
        return answer;
    }

    private static ObjectNode toJson(HistoryEvent event, boolean includeData) {
        ObjectNode json = LocalJson.MAPPER.createObjectNode();
        json.put("timestamp", Epoch.seconds(event.timestamp()));
        json.put("type", event.type());
        json.put("id", event.id());
        json.put("previousEventId", event.previousEventId());
        ObjectNode details = event.details();
        if (!includeData) {
            details.remove(EXECUTION_DATA);
        }
        if (!details.isEmpty()) {
            json.set(event.detailsFieldName(), details);
        }
        return json;
    }
}

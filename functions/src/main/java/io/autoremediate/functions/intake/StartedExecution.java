package io.autoremediate.functions.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonObject;
import java.util.Objects;

/**
 * @param duplicate true when an execution of that name existed already, so nothing new was started
 */
public record StartedExecution(String executionName, String executionArn, boolean duplicate) {

    public StartedExecution {
        Objects.requireNonNull(executionName, "executionName");
    }

    public ObjectNode toJson() {
        return JsonObject.create().text("executionName", executionName).text("executionArn", executionArn)
                .bool("duplicate", duplicate).build();
    }
}

package io.autoremediate.local.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps each execution's history as JSON, shaped like GetExecutionHistory's answer, for audit. */
public final class HistoryFiles {

    private HistoryFiles() {
    }

    /** Writes {@code <dir>/<execution name>.history.json} and returns its path. */
    public static Path write(Path dir, ExecutionResult result) {
        String executionName = LocalArns.executionName(result.executionArn());
        ArrayNode events = LocalJson.MAPPER.createArrayNode();
        result.history().forEach(event -> events.add(event.toJson()));
        ObjectNode document = LocalJson.MAPPER.createObjectNode();
        document.put("executionArn", result.executionArn());
        document.put("status", result.status().name());
        document.set("events", events);
        Path file = dir.resolve(executionName + ".history.json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, LocalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the execution history to " + file + ": " + e.getMessage(), e);
        }
    }
}

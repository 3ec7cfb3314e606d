package io.autoremediate.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the API keeps of an execution beyond the engine's journal: its start order (for stable ListExecutions
 * pages) and its input exactly as given (DescribeExecution returns it and StartExecution's idempotency
 * compares it). One JSON line per start, read back when serve starts again.
 */
final class ExecutionIndex {
    /** One execution's entry. */
    record Entry(long sequence, String inputText) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    ExecutionIndex(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    read(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the execution index " + file + ": " + e.getMessage(), e);
        }
    }

    private void read(String line) {
        try {
            JsonNode json = LocalJson.MAPPER.readTree(line);
            long seq = json.get("sequence").longValue();
            entries.put(json.get("executionArn").textValue(), new Entry(seq, json.get("input").textValue()));
            sequence.accumulateAndGet(seq, Math::max);
        } catch (IOException | RuntimeException e) {
            // A line torn by a crash: that execution falls back to the engine's copy of its input.
        }
    }

    Entry get(String executionArn) {
        return entries.get(executionArn);
    }

    /** Takes the next sequence number; an execution the index misses (started as the process died) gets one. */
    Entry record(String executionArn, String inputText) {
        Entry entry = new Entry(sequence.incrementAndGet(), inputText);
        ObjectNode line = LocalJson.MAPPER.createObjectNode();
        line.put("executionArn", executionArn);
        line.put("sequence", entry.sequence());
        line.put("input", inputText);
        synchronized (this) {
            try {
                Files.writeString(file, LocalJson.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the execution index " + file + ": "
                        + e.getMessage(), e);
            }
        }
        entries.put(executionArn, entry);
        return entry;
    }
}

package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * State machines on disk, one JSON file each ({@code <name>.json}; names cannot hold path characters), written
 * to a temporary file and moved into place, so a restarted serve finds every state machine it had.
 */
public final class StateMachineStore {
    private final Path directory;

    public StateMachineStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    void save(StateMachineRecord record) {
        ObjectNode json = LocalJson.MAPPER.createObjectNode();
        json.put("sequence", record.sequence());
        json.put("stateMachineArn", record.arn());
        json.put("name", record.name());
        json.put("definition", record.definitionText());
        json.put("roleArn", record.roleArn());
        json.put("type", record.type());
        json.put("creationDate", record.creationDate().toString());
        json.put("revisionId", record.revisionId());
        Path file = fileOf(record.name());
        Path temporary = directory.resolve(record.name() + ".json.tmp");
        try {
            Files.writeString(temporary, LocalJson.write(json), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state machine " + file + ": " + e.getMessage(), e);
        }
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(fileOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + fileOf(name) + ": " + e.getMessage(), e);
        }
    }

    /** Every saved state machine in creation order; a file that no longer parses is reported and skipped. */
    List<StateMachineRecord> load(java.util.function.Consumer<String> problems) {
        List<StateMachineRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    JsonNode json = LocalJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                    String definitionText = json.get("definition").textValue();
                    records.add(new StateMachineRecord(json.get("sequence").longValue(),
                            json.get("stateMachineArn").textValue(), json.get("name").textValue(), definitionText,
                            Definitions.parseRunnable(definitionText), json.get("roleArn").textValue(),
                            json.get("type").textValue(), Instant.parse(json.get("creationDate").textValue()),
                            json.get("revisionId").textValue()));
                } catch (IOException | RuntimeException e) {
                    problems.accept("skipping the state machine in " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        records.sort(Comparator.comparingLong(StateMachineRecord::sequence));
        return records;
    }

    private Path fileOf(String name) {
        return directory.resolve(name + ".json");
    }
}

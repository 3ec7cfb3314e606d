package io.autoremediate.engine.internal.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.JournalSync;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.context.EngineEnvironment;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.context.ExecutionIdentity;
import io.autoremediate.engine.internal.runtime.ExecutionThread;
import io.autoremediate.engine.internal.runtime.HistoryLog;
import io.autoremediate.engine.internal.runtime.Interpreter;
import io.autoremediate.engine.internal.runtime.PositionCodec;
import io.autoremediate.engine.internal.states.BranchResult;
import io.autoremediate.engine.internal.states.StateGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A directory of execution journals, one file per execution. A file's name says nothing: recovery reads the
 * execution's identity from its {@code started} line, and new executions take files made ahead
 * ({@link JournalFilePool}) so a durable start forces one file, not the file and the directory. Journals of
 * earlier versions, named by the SHA-256 of their ARN, are read the same. Creates journals for new executions
 * and reads them all back when a runtime starts; one runtime at a time owns a directory.
 */
public final class JournalDirectory {
    private static final String SUFFIX = ".journal";

    private final Path directory;
    private final JournalSync sync;
    private final JournalFilePool pool;

    public JournalDirectory(Path directory, JournalSync sync) {
        this.directory = directory;
        this.sync = sync;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + directory + ": "
                    + e.getMessage(), e);
        }
        this.pool = new JournalFilePool(directory, SUFFIX, sync != JournalSync.NEVER);
    }

    /** Creates the journal of a new execution, with its start durable before this returns. */
    public ExecutionJournal create(Execution execution, String definitionJson) {
        ExecutionIdentity identity = execution.interpreter().identity();
        String started = JournalRecords.line(JournalRecords.started(identity, execution.interpreter().deadline(),
                definitionJson));
        // The pool's file has its name on the disk already; forcing its contents makes the start durable.
        return ExecutionJournal.create(pool.take(), started, execution, sync);
    }

    /** Deletes the journal files made ahead that no execution took. */
    public void close() {
        pool.close();
    }

    /** An execution read back from its journal, and the journal to go on writing. */
    public record Recovered(Execution execution, ExecutionJournal journal) {
    }

    /**
     * Reads every journal back. A torn last line (the process died while writing) and events after the last
     * checkpoint are cut off, so each execution continues from its last checkpoint with the event ids that
     * follow it. A journal without a checkpoint (its start never completed) is deleted.
     *
     * @param graphOf parses a definition's JSON into its state graph
     */
    public List<Recovered> recover(EngineEnvironment environment, ExecutionListener listener,
                                   Function<String, StateGraph> graphOf) {
        List<Recovered> recovered = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                recoverOne(file, environment, listener, graphOf).ifPresent(recovered::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal directory " + directory + ": "
                    + e.getMessage(), e);
        }
        return recovered;
    }

    private Optional<Recovered> recoverOne(Path file, EngineEnvironment environment,
                                                     ExecutionListener listener,
                                                     Function<String, StateGraph> graphOf) throws IOException {
        JournalReading reading = JournalReading.read(file);
        if (reading.checkpoint() == null) {
            Files.delete(file);
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > reading.validLength()) {
                channel.truncate(reading.validLength());
                channel.force(false);
            }
        }
        JsonNode started = reading.started();
        ExecutionIdentity identity = JournalRecords.identity(started);
        StateGraph graph = graphOf.apply(started.get("definition").textValue());
        HistoryLog history = new HistoryLog(environment.clock(), listener, environment.historyEventLimit());
        reading.events().forEach(event -> event.restoreInto(history));
        Interpreter interpreter = new Interpreter(environment, identity, history,
                PositionCodec.instant(started, "deadline"));
        JsonNode checkpoint = reading.checkpoint();
        ExecutionStatus status = ExecutionStatus.valueOf(checkpoint.get("status").textValue());
        ExecutionThread main;
        if (status == ExecutionStatus.RUNNING) {
            main = PositionCodec.read(checkpoint.get("main"), graph);
        } else {
            main = ExecutionThread.ended(graph, BranchResult.succeeded(checkpoint.get("output")));
        }
        Execution execution = Execution.restore(interpreter, main, status, checkpoint.get("output"),
                JournalRecords.text(checkpoint, "error"), JournalRecords.text(checkpoint, "cause"),
                PositionCodec.instant(checkpoint, "stopDate"));
        ExecutionJournal journal = new ExecutionJournal(file, sync, reading.encoder(), reading.events().size(),
                execution.isFinished());
        return Optional.of(new Recovered(execution, journal));
    }

    /**
     * What a journal file holds up to its last whole checkpoint. Reads both the checkpoint lines that carry their
     * events ({@code log}) and the older layout, one {@code event} line per event before each checkpoint.
     */
    private record JournalReading(JsonNode started, List<HistoryDecoder.Event> events, JsonNode checkpoint,
                                  long validLength, HistoryEncoder encoder) {

        static JournalReading read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            HistoryDecoder decoder = new HistoryDecoder();
            JsonNode started = null;
            JsonNode checkpoint = null;
            List<HistoryDecoder.Event> pending = new ArrayList<>();
            List<HistoryDecoder.Event> committed = new ArrayList<>();
            long validLength = 0;
            int lineStart = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                JsonNode record;
                try {
                    record = Json.parse(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                } catch (JsonProcessingException e) {
                    break;
                }
                lineStart = i + 1;
                String type = record.path("record").asText();
                if (type.equals(JournalRecords.STARTED)) {
                    started = record;
                } else if (type.equals(JournalRecords.EVENT)) {
                    pending.add(JournalRecords.event(record));
                } else if (type.equals(JournalRecords.CHECKPOINT) && started != null) {
                    List<HistoryDecoder.Event> events;
                    if (record.has("log")) {
                        if (!pending.isEmpty() || record.path("events").longValue()
                                != committed.size() + record.get("log").size()) {
                            break;
                        }
                        try {
                            events = decoder.decode(record);
                        } catch (RuntimeException e) {
                            break; // not as the encoder writes it: as good as torn
                        }
                    } else if (record.path("events").longValue() == committed.size() + pending.size()) {
                        events = pending;
                    } else {
                        continue;
                    }
                    committed.addAll(events);
                    pending = new ArrayList<>();
                    checkpoint = record;
                    validLength = lineStart;
                }
            }
            return new JournalReading(started, committed, checkpoint, validLength, decoder.encoder());
        }
    }
}

package io.autoremediate.engine.internal.journal;

import io.autoremediate.engine.JournalSync;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.scheduler.Checkpointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One execution's append-only journal file. A checkpoint appends one line, in a single write: the execution's
 * status and position, and the history events since the last checkpoint, written compactly
 * ({@link HistoryEncoder}). So the file always ends in a whole checkpoint or in a torn tail that recovery cuts
 * off. Whether it is also forced to the disk depends on the {@link JournalSync} policy.
 * The file is opened for each append and closed after it, so ten thousand parked executions hold no file
 * descriptors.
 */
public final class ExecutionJournal implements Checkpointer {
    private final Path file;
    private final JournalSync sync;
    private final HistoryEncoder encoder;
    private int writtenEvents;
    private boolean ended;

    ExecutionJournal(Path file, JournalSync sync, HistoryEncoder encoder, int writtenEvents, boolean ended) {
        this.file = file;
        this.sync = sync;
        this.encoder = encoder;
        this.writtenEvents = writtenEvents;
        this.ended = ended;
    }

    /** Writes the first line and checkpoint into {@code file}, an empty file made for it (never overwritten). */
    static ExecutionJournal create(Path file, String startedLine, Execution execution, JournalSync sync) {
        ExecutionJournal journal = new ExecutionJournal(file, sync, new HistoryEncoder(), 0, false);
        try {
            journal.append(startedLine, execution, Point.STARTED);
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void checkpoint(Execution execution, Point point) {
        if (ended) {
            return;
        }
        try {
            append("", execution, point);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(String prefix, Execution execution, Point point) throws IOException {
        HistoryEncoder.Batch batch = encoder.encode(execution.interpreter().history(), writtenEvents);
        int total = writtenEvents + batch.count();
        String checkpoint = Json.write(JournalRecords.checkpoint(execution, total));
        StringBuilder text = new StringBuilder(prefix.length() + checkpoint.length() + 64).append(prefix);
        text.append(checkpoint, 0, checkpoint.length() - 1);
        batch.appendTo(text);
        text.append("}\n");
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND)) {
            long length = channel.size();
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (forces(point)) {
                    channel.force(false);
                }
            } catch (IOException e) {
                // A part-written line would hide every later one from recovery: cut it off if the file lets us.
                channel.truncate(length);
                throw e;
            }
        }
        encoder.commit(batch);
        writtenEvents = total;
        ended = execution.isFinished();
    }

    private boolean forces(Point point) {
        return switch (sync) {
            case NEVER -> false;
            case EVERY_CHECKPOINT -> true;
            case DURABLE_POINTS -> point != Point.PARKED;
        };
    }
}

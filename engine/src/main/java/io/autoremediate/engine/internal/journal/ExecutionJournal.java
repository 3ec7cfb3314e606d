package io.autoremediate.engine.internal.journal;

import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.engine.JournalSync;
import io.autoremediate.engine.internal.runtime.Execution;
import io.autoremediate.engine.internal.scheduler.Checkpointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One execution's append-only journal file. A checkpoint appends the history events since the last one and
 * then a checkpoint line, in a single write, so the file always ends in a whole checkpoint or in a torn tail
 * that recovery cuts off. Whether it is also forced to the disk depends on the {@link JournalSync} policy.
 */
public final class ExecutionJournal implements Checkpointer, AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final JournalSync sync;
    private int writtenEvents;

    ExecutionJournal(Path file, FileChannel channel, JournalSync sync, int writtenEvents) {
        this.file = file;
        this.channel = channel;
        this.sync = sync;
        this.writtenEvents = writtenEvents;
    }

    static ExecutionJournal create(Path file, String startedLine, Execution execution, JournalSync sync) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            ExecutionJournal journal = new ExecutionJournal(file, channel, sync, 0);
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
        if (!channel.isOpen()) {
            return;
        }
        try {
            append("", execution, point);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void append(String prefix, Execution execution, Point point) throws IOException {
        List<HistoryEvent> events = execution.interpreter().history().eventsFrom(writtenEvents);
        StringBuilder text = new StringBuilder(prefix);
        for (HistoryEvent event : events) {
            text.append(JournalRecords.line(JournalRecords.event(event)));
        }
        int total = writtenEvents + events.size();
        text.append(JournalRecords.line(JournalRecords.checkpoint(execution, total)));
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes, channel.size());
        }
        if (forces(point)) {
            channel.force(false);
        }
        writtenEvents = total;
        if (execution.isFinished()) {
            close();
        }
    }

    private boolean forces(Point point) {
        return switch (sync) {
            case NEVER -> false;
            case EVERY_CHECKPOINT -> true;
            case DURABLE_POINTS -> point != Point.PARKED;
        };
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing is left to write; a failing close changes nothing on disk.
        }
    }
}

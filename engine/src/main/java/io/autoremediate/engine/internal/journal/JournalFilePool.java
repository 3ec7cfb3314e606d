package io.autoremediate.engine.internal.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Empty journal files made ahead of the executions that will take them, their names already durable. A new
 * file's name survives losing the machine only once its directory is forced; making a batch of files and
 * forcing the directory once for all of them leaves a start to force its own contents only: one fsync a
 * start instead of two. Files left unused when the process dies hold no checkpoint, so recovery deletes
 * them like any start that never completed; on {@link #close} they are deleted at once.
 */
final class JournalFilePool {
    /** Files made per refill: each start costs one directory force in this many. */
    static final int BATCH = 32;

    private final Path directory;
    private final String suffix;
    private final boolean forced;
    private final Deque<Path> ready = new ArrayDeque<>();

    /** @param forced whether the directory is forced after a refill (every sync policy but NEVER) */
    JournalFilePool(Path directory, String suffix, boolean forced) {
        this.directory = directory;
        this.suffix = suffix;
        this.forced = forced;
    }

    /** An empty file of this directory, never handed out before, whose name is on the disk if forced. */
    synchronized Path take() {
        if (ready.isEmpty()) {
            refill();
        }
        return ready.removeFirst();
    }

    private void refill() {
        for (int i = 0; i < BATCH; i++) {
            // A random name collides with no other journal, this process's or an earlier one's, and
            // createFile refuses an existing name rather than take over a file that holds an execution.
            Path file = directory.resolve(UUID.randomUUID() + suffix);
            try {
                Files.createFile(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the journal " + file + ": " + e.getMessage(), e);
            }
            ready.addLast(file);
        }
        if (forced) {
            forceDirectory(directory);
        }
    }

    /** Deletes the files no execution took, so the directory holds only journals of executions. */
    synchronized void close() {
        while (!ready.isEmpty()) {
            try {
                Files.deleteIfExists(ready.removeFirst());
            } catch (IOException e) {
                // Left behind it is still harmless: recovery deletes a journal without a checkpoint.
            }
        }
    }

    /** Makes new files' names durable (on Linux a directory can be forced; elsewhere this is skipped). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform lets a directory be opened; the files' own contents are forced still.
        }
    }
}

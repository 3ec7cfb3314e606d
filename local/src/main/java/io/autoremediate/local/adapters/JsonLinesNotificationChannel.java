package io.autoremediate.local.adapters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationFailedException;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** Appends each notice as one JSON line to a file: an audit trail scripts and tests can read. */
public final class JsonLinesNotificationChannel implements NotificationChannel {

    private final Path file;
    private final Clock clock;

    public JsonLinesNotificationChannel(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public synchronized String deliver(Notice notice) throws NotificationFailedException {
        ObjectNode line = LocalJson.MAPPER.createObjectNode();
        line.put("time", clock.instant().toString());
        line.setAll(notice.toJson());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, LocalJson.write(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return file.toString();
        } catch (IOException e) {
            throw new NotificationFailedException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}

package io.autoremediate.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files a user names on the command line, with errors that name the file and the problem. */
final class JsonFiles {

    private JsonFiles() {
    }

    static String text(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + " " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    static JsonNode json(Path file, String what) {
        String text = text(file, what);
        try {
            JsonNode node = LocalJson.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new UsageException(what + " " + file + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UsageException(what + " " + file + " is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }
}

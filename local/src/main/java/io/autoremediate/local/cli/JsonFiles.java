package io.autoremediate.local.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
        } catch (StreamConstraintsException e) {
            // Jackson's limits (nesting depth, number and name lengths) report no location, and name their setter.
            throw new UsageException(what + " " + file + " " + overLimit(e));
        } catch (JsonProcessingException e) {
            throw new UsageException(what + " " + file + " is not JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        }
    }

    private static String overLimit(StreamConstraintsException e) {
        int depth = LocalJson.MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth();
        if (e.getOriginalMessage().contains("nesting depth")) {
            return "is nested too deeply: more than " + depth + " levels of objects and arrays, the limit";
        }
        return "is over a limit of the JSON reader: " + e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}

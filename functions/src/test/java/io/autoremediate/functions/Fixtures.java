package io.autoremediate.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the recorded alarm events under {@code src/test/resources/events}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static JsonNode event(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + name);
            }
            return TestJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.autoremediate.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.internal.Path;
import com.jayway.jsonpath.internal.path.PathCompiler;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;

/** A path read by Jayway JSONPath over Jackson trees (trial). */
final class JaywayReading {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private final Path path;

    JaywayReading(String text, boolean context) {
        this.path = PathCompiler.compile(context ? text.substring(1) : text);
    }

    Optional<JsonNode> read(JsonNode root) {
        try {
            Object value = path.evaluate(root, root, JACKSON).getValue(false);
            if (value == null) {
                return Optional.empty();
            }
            return Optional.of(value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value));
        } catch (PathNotFoundException absent) {
            return Optional.empty();
        }
    }
}

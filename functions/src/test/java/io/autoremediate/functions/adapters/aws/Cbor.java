package io.autoremediate.functions.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads Smithy RPC v2 CBOR bodies for the CloudWatch stubs. Timestamps are written as the
 * protocol wants them: tag 1 (epoch-based date/time) around seconds as a double.
 */
final class Cbor {

    private static final CBORMapper MAPPER = new CBORMapper();

    private Cbor() {
    }

    static byte[] write(Map<String, ?> document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = new CBORFactory().createGenerator(out)) {
            value(generator, document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void value(CBORGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(entry.getKey().toString());
                value(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                value(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Instant instant) {
            generator.writeTag(1);
            generator.writeNumber(instant.toEpochMilli() / 1000.0);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.doubleValue());
        } else {
            generator.writeString(value.toString());
        }
    }
}

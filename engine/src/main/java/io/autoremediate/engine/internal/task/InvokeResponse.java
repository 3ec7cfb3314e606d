package io.autoremediate.engine.internal.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of the {@code lambda:invoke} integration: the function output under {@code Payload}, wrapped in
 * the Lambda Invoke response fields Step Functions returns.
 */
final class InvokeResponse {
    static final String LATEST = "$LATEST";
    static final int STATUS_OK = 200;

    private InvokeResponse() {
    }

    static ObjectNode wrap(JsonNode payload, String requestId, Instant date) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", String.valueOf(Json.write(payload).getBytes(StandardCharsets.UTF_8).length));
        headers.put("Content-Type", "application/json");
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
        headers.put("X-Amz-Executed-Version", LATEST);
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("X-Amzn-Trace-Id", "root=1-" + Long.toHexString(date.getEpochSecond()) + "-"
                + requestId.replace("-", "").substring(0, 24) + ";sampled=0");

        ObjectNode response = Json.object();
        response.put("ExecutedVersion", LATEST);
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        ObjectNode single = http.putObject("HttpHeaders");
        headers.forEach((name, value) -> {
            all.putArray(name).add(value);
            single.put(name, value);
        });
        http.put("HttpStatusCode", STATUS_OK);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", STATUS_OK);
        return response;
    }
}

package io.autoremediate.local.sfn.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.autoremediate.local.json.LocalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;

/**
 * The AWS JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>} and a JSON
 * body; 200 with the JSON answer, or 400 with {@code {"__type", "message"}} (and the same name in
 * {@code X-Amzn-ErrorType}), which is what the SDKs and the CLI parse into their exception types.
 * Requests are not signature-checked: any credentials are accepted, as by Step Functions Local.
 */
public final class AwsJsonHandler implements HttpHandler {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final String targetPrefix;
    private final Map<String, Operation> operations;
    private final PrintStream log;

    /** @param targetPrefix the service's target prefix, e.g. {@code AWSStepFunctions} */
    public AwsJsonHandler(String targetPrefix, Map<String, Operation> operations, PrintStream log) {
        this.targetPrefix = targetPrefix + ".";
        this.operations = Map.copyOf(operations);
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            try {
                ObjectNode answer = dispatch(exchange);
                send(exchange, 200, answer);
            } catch (SfnException e) {
                sendError(exchange, e);
            } catch (RuntimeException e) {
                log.println("autoremediate serve: internal error (request " + requestId + "): " + e);
                sendError(exchange, new SfnException("InternalFailure", "the local server failed: " + e, 500));
            }
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new SfnException("UnknownOperationException",
                    "only POST / with an X-Amz-Target header is served, not " + exchange.getRequestMethod());
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Operation operation = target != null && target.startsWith(targetPrefix)
                ? operations.get(target.substring(targetPrefix.length())) : null;
        if (operation == null) {
            throw new SfnException("UnknownOperationException", "unknown or unsupported operation '" + target
                    + "'; supported: " + new java.util.TreeSet<>(operations.keySet()));
        }
        return operation.handle(new AwsJsonRequest(body(exchange)));
    }

    private static ObjectNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            return LocalJson.MAPPER.createObjectNode();
        }
        JsonNode body;
        try {
            body = LocalJson.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new SfnException("SerializationException", "the request body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            throw new SfnException("SerializationException", "the request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static void sendError(HttpExchange exchange, SfnException error) throws IOException {
        ObjectNode body = LocalJson.MAPPER.createObjectNode();
        body.put("__type", error.type());
        body.put("message", error.getMessage());
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", error.type());
        send(exchange, error.httpStatus(), body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = LocalJson.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

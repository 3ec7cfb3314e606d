package io.autoremediate.bench.coldstart;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the AWS APIs the handlers call, answering each with a small, valid response in the
 * protocol the SDK speaks for that service: S3 (REST-XML, GET of an object), SSM and Step Functions (AWS JSON,
 * {@code X-Amz-Target}), CloudWatch (Smithy RPC v2 CBOR) and SNS (query, form body, XML answer). It records
 * which operations were called, so the report can show that both sides made the same calls.
 */
final class AwsStub implements AutoCloseable {

    static {
        // The JDK server writes a response's head and body apart; with Nagle's algorithm on, the body then waits
        // for the client's delayed ACK, about 40 ms a call that no AWS endpoint adds. Read once, at first use.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String BUCKET = "runbook-bucket";
    static final String RUNBOOK = "#!/bin/bash\nsystemctl restart webapp\n";
    static final String COMMAND_ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private final HttpServer server;
    private final List<String> calls = new ArrayList<>();

    AwsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The operations called since the last time this was asked, in order. */
    synchronized List<String> takeCalls() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    private synchronized void record(String call) {
        calls.add(call);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/" + BUCKET + "/")) {
                record("S3.GetObject");
                exchange.getResponseHeaders().add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
                exchange.getResponseHeaders().add("x-amz-version-id", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
                exchange.getResponseHeaders().add("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
                send(exchange, 200, "text/x-sh", RUNBOOK.getBytes(StandardCharsets.UTF_8));
            } else if (target != null) {
                record(target.replace("AmazonSSM.", "SSM.").replace("AWSStepFunctions.", "SFN."));
                json(exchange, target, new String(body, StandardCharsets.UTF_8));
            } else if (path.endsWith("/operation/DescribeAlarms")) {
                record("CloudWatch.DescribeAlarms");
                exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
                send(exchange, 200, "application/cbor", describeAlarms());
            } else if (new String(body, StandardCharsets.UTF_8).contains("Action=Publish")) {
                record("SNS.Publish");
                send(exchange, 200, "text/xml", ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                        + "<PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
                        + "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>"
                        + "</ResponseMetadata></PublishResponse>").getBytes(StandardCharsets.UTF_8));
            } else {
                record("unknown " + exchange.getRequestMethod() + " " + path);
                System.err.println("AwsStub: no answer for " + exchange.getRequestMethod() + " " + path
                        + " target=" + target + " body=" + new String(body, StandardCharsets.UTF_8));
                send(exchange, 400, "application/json", "{\"__type\":\"UnknownOperationException\"}"
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void json(HttpExchange exchange, String target, String request) throws IOException {
        String answer = switch (target) {
            case "AmazonSSM.SendCommand" -> "{\"Command\":{\"CommandId\":\"" + COMMAND_ID
                    + "\",\"DocumentName\":\"AWS-RunShellScript\",\"Status\":\"Pending\"}}";
            case "AmazonSSM.GetCommandInvocation" -> "{\"CommandId\":\"" + COMMAND_ID + "\",\"InstanceId\":"
                    + "\"i-0a1b2c3d4e5f67890\",\"DocumentName\":\"AWS-RunShellScript\",\"Status\":\"Success\","
                    + "\"StatusDetails\":\"Success\",\"ResponseCode\":0,\"StandardOutputContent\":\"restarted\\n\","
                    + "\"StandardErrorContent\":\"\",\"ExecutionStartDateTime\":\"2026-11-25T10:17:05.100Z\","
                    + "\"ExecutionEndDateTime\":\"2026-11-25T10:17:06.200Z\"}";
            case "AWSStepFunctions.StartExecution" -> "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:"
                    + "execution:remediation:bench\",\"startDate\":1795601820.5}";
            case "AWSStepFunctions.ListExecutions" -> "{\"executions\":[]}";
            default -> null;
        };
        if (answer == null) {
            System.err.println("AwsStub: no answer for " + target + " " + request);
            send(exchange, 400, "application/x-amz-json-1.1", "{\"__type\":\"UnknownOperationException\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        String type = target.startsWith("AmazonSSM.") ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0";
        send(exchange, 200, type, answer.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] describeAlarms() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = new CBORFactory().createGenerator(out)) {
            cbor.writeStartObject();
            cbor.writeFieldName("MetricAlarms");
            cbor.writeStartArray();
            cbor.writeStartObject();
            cbor.writeStringField("AlarmName", "webapp-uptime");
            cbor.writeStringField("AlarmArn", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:webapp-uptime");
            cbor.writeStringField("StateValue", "OK");
            cbor.writeStringField("StateReason", "Threshold Crossed: 1 datapoint [1.0] was not less than 1.0");
            cbor.writeFieldName("StateUpdatedTimestamp");
            cbor.writeTag(1); // epoch seconds, as Smithy RPC v2 CBOR writes timestamps
            cbor.writeNumber(Instant.parse("2026-11-25T10:18:00Z").getEpochSecond() * 1.0);
            cbor.writeStringField("MetricName", "webapp-uptime");
            cbor.writeStringField("Namespace", "CustomNamespace");
            cbor.writeEndObject();
            cbor.writeEndArray();
            cbor.writeFieldName("CompositeAlarms");
            cbor.writeStartArray();
            cbor.writeEndArray();
            cbor.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "bench-request");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

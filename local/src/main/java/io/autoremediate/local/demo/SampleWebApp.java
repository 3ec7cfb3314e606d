package io.autoremediate.local.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The sample service of the demo, the local twin of the Flask app Ansible installs: it answers
 * {@code Sample webapp!} on 127.0.0.1. It runs as its own process so that it can really die.
 */
public final class SampleWebApp {

    public static final String GREETING = "Sample webapp!";

    private SampleWebApp() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--port")) {
            System.err.println("usage: SampleWebApp --port PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        byte[] body = (GREETING + "\n").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("webapp listening on http://127.0.0.1:" + port + "/");
    }
}

package io.autoremediate.functions.adapters.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * One request through a real HTTP client to a one-shot server on the loopback address, for {@link Priming}: it
 * runs the client's connection and response code (the JDK's {@code HttpURLConnection} under
 * {@code UrlConnectionHttpClient}), which the canned twins skip. Nothing leaves the process's machine, and the
 * answer says {@code Connection: close}, so no connection is left open in a snapshot.
 */
final class LoopbackExchange {

    private static final int TIMEOUT_MILLIS = 5_000;
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private LoopbackExchange() {
    }

    /** Sends one GET through {@code http} to a server of its own and returns the status it got. */
    static int through(SdkHttpClient http) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(TIMEOUT_MILLIS);
            Thread answering = new Thread(() -> answerOnce(server), "autoremediate-priming-loopback");
            answering.setDaemon(true);
            answering.start();
            SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                    .uri(URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort()
                            + "/priming"))
                    .build();
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(request).build())
                    .call();
            Optional<AbortableInputStream> body = response.responseBody();
            if (body.isPresent()) {
                try (InputStream in = body.get()) {
                    in.readAllBytes();
                }
            }
            answering.join(TIMEOUT_MILLIS);
            return response.httpResponse().statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while priming the HTTP client", e);
        }
    }

    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            // The request's head ends with an empty line; a GET has no body.
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = socket.getOutputStream();
            out.write(ANSWER);
            out.flush();
        } catch (IOException e) {
            // The client then fails too, and that failure is what priming reports.
        }
    }
}

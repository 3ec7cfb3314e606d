package io.autoremediate.functions.adapters.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Answers every request with one response from memory, headers included, so that {@link Priming} runs a
 * service's calls through the SDK (marshalling, signing, parsing the body and the headers, such as S3's
 * {@code Last-Modified} date) without the network. The request body is read, as a real client would send it.
 */
final class CannedHttpClient implements SdkHttpClient {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    CannedHttpClient(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.body = body.clone();
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        all.put("Content-Length", List.of(String.valueOf(body.length)));
        this.headers = all;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(content -> {
                    try (InputStream in = content.newStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(status).headers(headers).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {
                // Nothing in flight: the answer is in memory.
            }
        };
    }

    @Override
    public String clientName() {
        return "Canned";
    }

    @Override
    public void close() {
        // Holds nothing to release.
    }
}

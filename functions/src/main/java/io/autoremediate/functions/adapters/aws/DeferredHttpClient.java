package io.autoremediate.functions.adapters.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client being built elsewhere ({@link WarmUp}): SDK clients can be built with it at once, and its
 * first request waits for the real one. A failed build fails every request with the cause, as the real client's
 * constructor would have failed the SDK client's build.
 */
final class DeferredHttpClient implements SdkHttpClient {

    private final String name;
    private final CompletableFuture<SdkHttpClient> client = new CompletableFuture<>();

    DeferredHttpClient(String name) {
        this.name = name;
    }

    void complete(Supplier<SdkHttpClient> build) {
        try {
            client.complete(build.get());
        } catch (RuntimeException | Error e) {
            client.completeExceptionally(e);
        }
    }

    /** The real client, once built. */
    private SdkHttpClient client() {
        try {
            return client.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the HTTP client was being built", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the HTTP client could not be built: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return client().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return name;
    }

    @Override
    public void close() {
        client().close();
    }
}

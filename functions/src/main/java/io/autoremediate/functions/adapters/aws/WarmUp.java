package io.autoremediate.functions.adapters.aws;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * A cold start on more than one CPU: one daemon thread of the container does, while the handler's thread builds
 * its SDK clients, the first-time work that thread would otherwise do after them, one piece at a time. It builds
 * the HTTP client (the TLS context: the trust store read and parsed), primes the steps' JSON, and, as each SDK
 * client is built, runs that service's calls once on a twin answering from memory ({@link Priming}), so that the
 * handler's real first call finds its classes loaded. A fresh JVM's start-up is mostly class loading, which these
 * pieces share out between two threads (bench/README.md has the figures).
 *
 * <p>An optimisation only: a piece that fails is reported on stderr and the function runs as without it (the HTTP
 * client's own failure reaches the first request, as it would have reached the first client build).
 * {@value #SWITCH_VARIABLE}{@code =false} turns it off. Before a SnapStart snapshot, priming waits for the thread
 * to be idle ({@link #awaitIdle}), so no piece is half done in the snapshot; what it did, priming does not redo.
 */
final class WarmUp {

    static final String SWITCH_VARIABLE = "AUTOREMEDIATE_WARM_UP";

    /** Far above the few hundred milliseconds the pieces take together: only a stuck piece is given up on. */
    private static final long IDLE_WAIT_SECONDS = 30;

    static final String THREAD_NAME = "autoremediate-warm-up";

    private static final long IDLE_SECONDS = 5;

    private final ExecutorService thread;
    private final Priming priming;

    private WarmUp(ExecutorService thread, Priming priming) {
        this.thread = thread;
        this.priming = priming;
    }

    /** On unless {@value #SWITCH_VARIABLE} is {@code false}; what it primes, {@code priming} will not redo. */
    static WarmUp fromEnvironment(Map<String, String> environment, Priming priming) {
        if ("false".equalsIgnoreCase(String.valueOf(environment.get(SWITCH_VARIABLE)).strip())) {
            return off();
        }
        ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread daemon = new Thread(work, THREAD_NAME);
                    daemon.setDaemon(true);
                    return daemon;
                });
        // Its work is a cold start's: once that is done, the thread ends rather than idle for the container's life.
        thread.allowCoreThreadTimeOut(true);
        return new WarmUp(thread, priming);
    }

    /** Everything where it was: on the caller's thread, when first needed. */
    static WarmUp off() {
        return new WarmUp(null, null);
    }

    boolean on() {
        return thread != null;
    }

    /**
     * The HTTP client, built on the warm-up thread at once, its first request waiting for it; off, built by the
     * first caller that needs it. {@code name} is the client's own, which the SDK asks for when a client is built.
     */
    Supplier<SdkHttpClient> httpClient(String name, Supplier<SdkHttpClient> build) {
        if (!on()) {
            return new Lazy<>(build);
        }
        DeferredHttpClient deferred = new DeferredHttpClient(name);
        thread.execute(() -> deferred.complete(build));
        return () -> deferred;
    }

    /** The steps' JSON reading and writing, once. */
    void primeJson() {
        later(() -> priming.primeJsonNow());
    }

    /** {@code service}'s calls on a twin of {@code clients}, once: its client was just built. */
    void primeService(AwsClients clients, AwsService service) {
        later(() -> priming.primeServiceNow(clients, service));
    }

    /**
     * Runs {@code piece} on the warm-up thread after those before it; off, never. Pieces catch and report their
     * own failures (Priming records and prints them), so none ends the thread.
     */
    private void later(Runnable piece) {
        if (on()) {
            thread.execute(piece);
        }
    }

    /** Returns once every piece given so far has run, or after a generous wait for a stuck one. */
    void awaitIdle() {
        if (!on()) {
            return;
        }
        CompletableFuture<Void> marker = new CompletableFuture<>();
        thread.execute(() -> marker.complete(null));
        try {
            marker.get(IDLE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("autoremediate warm-up: still busy after " + IDLE_WAIT_SECONDS + " s (" + e + ")");
        }
    }
}

package io.autoremediate.local.monitor;

import io.autoremediate.local.cloudwatch.LocalMetricStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks a web page every period and publishes 1 (2xx and the expected text in the body) or 0 (anything else)
 * to the local metric store; the local twin of the cron script that runs on the EC2 instance in AWS.
 */
public final class HttpProbeMonitor {

    /** Only the start of the page is searched for the expected text, so a huge or endless body cannot hurt. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpProbeSettings settings;
    private final LocalMetricStore store;
    private final HttpClient client;
    private final Clock clock;
    private ScheduledFuture<?> schedule; // guarded by this

    public HttpProbeMonitor(HttpProbeSettings settings, LocalMetricStore store) {
        this(settings, store, Clock.systemUTC());
    }

    HttpProbeMonitor(HttpProbeSettings settings, LocalMetricStore store, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Like curl without -L in the cron script: a redirect is not the page, so it counts as down.
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Probes once and publishes the result with timestamp {@code now}. */
    public ProbeResult probeOnce(Instant now) {
        Objects.requireNonNull(now, "now");
        ProbeResult result = probe();
        store.putMetricData(settings.namespace(), settings.metricName(), settings.dimensions(),
                result.metricValue(), now);
        return result;
    }

    /** Probes now and then every period with the system clock until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (schedule != null) {
            throw new IllegalStateException("probe of " + settings.url() + " is already started; call stop() first");
        }
        schedule = scheduler.scheduleAtFixedRate(this::probeNowSafely, 0, settings.period().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops probing; does nothing when not started. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    public HttpProbeSettings settings() {
        return settings;
    }

    private void probeNowSafely() {
        try {
            probeOnce(clock.instant());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; report in one line and keep probing.
            System.err.println("probe of " + settings.url() + " failed to publish: " + e);
        }
    }

    private ProbeResult probe() {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("User-Agent", "autoremediate-local-probe")
                .GET()
                .build();
        CompletableFuture<ProbeResult> exchange = client
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(this::judge);
        try {
            // The request timeout covers the response headers only; this bound also covers reading the body.
            return exchange.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return ProbeResult.down("timed out after " + settings.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return ProbeResult.down("interrupted");
        } catch (ExecutionException e) {
            return ProbeResult.down(describe(e.getCause()));
        }
    }

    private ProbeResult judge(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status < 200 || status > 299) {
                return ProbeResult.down("HTTP " + status);
            }
            String start = new String(body.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            return start.contains(settings.expectedText())
                    ? ProbeResult.up(status)
                    : ProbeResult.down("HTTP " + status + " without '" + settings.expectedText() + "'");
        } catch (IOException e) {
            return ProbeResult.down("body unreadable: " + describe(e));
        }
    }

    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof HttpTimeoutException) {
                return "timed out";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

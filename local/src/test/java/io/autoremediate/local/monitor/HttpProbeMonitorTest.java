package io.autoremediate.local.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.autoremediate.local.cloudwatch.Datapoint;
import io.autoremediate.local.cloudwatch.LocalMetricStore;
import io.autoremediate.local.cloudwatch.MetricIdentity;
import io.autoremediate.local.cloudwatch.Statistic;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Probes a real HTTP server started on a free local port for each test. */
class HttpProbeMonitorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final MetricIdentity UPTIME =
            new MetricIdentity("CustomNamespace", "webapp-uptime", Map.of("InstanceId", "i-local"));

    private final LocalMetricStore store = new LocalMetricStore();
    private final CountDownLatch releaseSlowResponse = new CountDownLatch(1);
    private final AtomicBoolean slowResponseSent = new AtomicBoolean();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> respond(exchange, 200, "<h1>Sample webapp!</h1>"));
        server.createContext("/maintenance", exchange -> respond(exchange, 200, "Back soon"));
        server.createContext("/broken", exchange -> respond(exchange, 500, "Sample webapp!"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/");
            respond(exchange, 302, "");
        });
        server.createContext("/slow", exchange -> {
            try {
                // Holds the page 2 s at most: a probe that gives up before the page comes took under 2 s.
                releaseSlowResponse.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowResponseSent.set(true);
            respond(exchange, 200, "Sample webapp!");
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseSlowResponse.countDown();
        server.stop(0);
    }

    @Test
    void healthyPagePublishesOne() {
        ProbeResult result = monitor("/").probeOnce(NOW);

        assertThat(result.up()).isTrue();
        assertThat(publishedValues()).containsExactly(1.0);
    }

    @Test
    void pageWithoutExpectedTextPublishesZero() {
        ProbeResult result = monitor("/maintenance").probeOnce(NOW);

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("Sample webapp!");
        assertThat(publishedValues()).containsExactly(0.0);
    }

    @Test
    void serverErrorPublishesZeroEvenWithExpectedText() {
        ProbeResult result = monitor("/broken").probeOnce(NOW);

        assertThat(result).isEqualTo(new ProbeResult(false, "HTTP 500"));
        assertThat(publishedValues()).containsExactly(0.0);
    }

    @Test
    void redirectIsNotFollowedAndCountsAsDown() {
        assertThat(monitor("/moved").probeOnce(NOW).detail()).isEqualTo("HTTP 302");
    }

    @Test
    void refusedConnectionPublishesZero() {
        HttpProbeMonitor monitor = monitor("/");
        server.stop(0);

        ProbeResult result = monitor.probeOnce(NOW);

        assertThat(result.up()).isFalse();
        assertThat(result.detail()).isEqualTo("connection refused");
        assertThat(publishedValues()).containsExactly(0.0);
    }

    @Test
    void slowServerTimesOutQuicklyAndPublishesZero() {
        HttpProbeMonitor monitor = new HttpProbeMonitor(settings("/slow")
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300)), store);

        ProbeResult result = monitor.probeOnce(NOW);

        assertThat(slowResponseSent).as("the probe gave up while the server still held the page").isFalse();
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("timed out");
        assertThat(publishedValues()).containsExactly(0.0);
    }

    @Test
    void startedMonitorProbesRightAwayUntilStopped() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        HttpProbeMonitor monitor = monitor("/");
        try {
            monitor.start(scheduler);
            assertThatThrownBy(() -> monitor.start(scheduler)).isInstanceOf(IllegalStateException.class);
            await("the first probe published").atMost(Duration.ofSeconds(3)).until(() -> !store.metrics().isEmpty());
            monitor.stop();
        } finally {
            scheduler.shutdownNow();
        }

        assertThat(store.metrics()).containsExactly(UPTIME);
    }

    @Test
    void settingsRejectNonHttpUrl() {
        assertThatThrownBy(() -> HttpProbeSettings.forWebapp(URI.create("ftp://localhost/"), "i-local"))
                .hasMessageContaining("ftp://localhost/")
                .hasMessageContaining("http://");
    }

    private HttpProbeMonitor monitor(String path) {
        return new HttpProbeMonitor(settings(path), store);
    }

    private HttpProbeSettings settings(String path) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return HttpProbeSettings.forWebapp(url, "i-local").withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private List<Double> publishedValues() {
        List<Datapoint> datapoints = store.getMetricStatistics(UPTIME, NOW.minusSeconds(30), NOW.plusSeconds(30),
                Duration.ofMinutes(1), Statistic.Minimum);
        return datapoints.stream().map(Datapoint::value).toList();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

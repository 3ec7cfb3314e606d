package io.autoremediate.local.monitor;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the probe checks and where it reports: the URL and the text a healthy page contains, and the metric
 * (namespace, name, dimensions) that receives 1 for up and 0 for down, every {@code period}.
 */
public record HttpProbeSettings(
        URI url,
        String expectedText,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        Duration period,
        Duration connectTimeout,
        Duration requestTimeout) {

    /** The text the sample webapp serves; the EC2 cron check in the AWS stack looks for the same. */
    public static final String WEBAPP_EXPECTED_TEXT = "Sample webapp!";
    public static final String WEBAPP_NAMESPACE = "CustomNamespace";
    public static final String WEBAPP_METRIC_NAME = "webapp-uptime";
    /** The cron check on EC2 runs once a minute. */
    public static final Duration WEBAPP_PERIOD = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

    public HttpProbeSettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("probe url " + url + " must start with http:// or https://");
        }
        if (expectedText == null || expectedText.isEmpty()) {
            throw new IllegalArgumentException("probe of " + url + ": expectedText must not be empty; use the"
                    + " text a healthy page always contains, e.g. '" + WEBAPP_EXPECTED_TEXT + "'");
        }
        requireText(namespace, "namespace", url);
        requireText(metricName, "metricName", url);
        dimensions = Map.copyOf(Objects.requireNonNull(dimensions, "dimensions; use Map.of() for none"));
        requirePositive(period, "period", url);
        requirePositive(connectTimeout, "connectTimeout", url);
        requirePositive(requestTimeout, "requestTimeout", url);
    }

    /** The local twin of the EC2 cron check: {@code webapp-uptime} in {@code CustomNamespace} by InstanceId. */
    public static HttpProbeSettings forWebapp(URI url, String instanceId) {
        requireText(instanceId, "instanceId", url);
        return new HttpProbeSettings(url, WEBAPP_EXPECTED_TEXT, WEBAPP_NAMESPACE, WEBAPP_METRIC_NAME,
                Map.of("InstanceId", instanceId), WEBAPP_PERIOD, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The same probe at another period, e.g. every 5 seconds for a demo. */
    public HttpProbeSettings withPeriod(Duration newPeriod) {
        return new HttpProbeSettings(url, expectedText, namespace, metricName, dimensions, newPeriod,
                connectTimeout, requestTimeout);
    }

    /** The same probe with other timeouts. */
    public HttpProbeSettings withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new HttpProbeSettings(url, expectedText, namespace, metricName, dimensions, period,
                newConnectTimeout, newRequestTimeout);
    }

    private static void requireText(String value, String what, URI url) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("probe of " + url + ": " + what + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String what, URI url) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("probe of " + url + ": " + what + " must be positive, got " + value);
        }
    }
}

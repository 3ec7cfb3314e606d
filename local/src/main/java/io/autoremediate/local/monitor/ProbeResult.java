package io.autoremediate.local.monitor;

/** The outcome of one probe: up or down, and in a few words why (status, missing text, refused, timed out). */
public record ProbeResult(boolean up, String detail) {

    static ProbeResult up(int status) {
        return new ProbeResult(true, "HTTP " + status);
    }

    static ProbeResult down(String why) {
        return new ProbeResult(false, why);
    }

    /** The metric value the probe publishes: 1 when up, 0 when down. */
    public double metricValue() {
        return up ? 1.0 : 0.0;
    }
}

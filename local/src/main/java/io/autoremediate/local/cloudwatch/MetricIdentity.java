package io.autoremediate.local.cloudwatch;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One CloudWatch metric: namespace, name and the exact set of dimensions. As in CloudWatch, a metric with
 * an extra or missing dimension is a different metric.
 */
public record MetricIdentity(String namespace, String metricName, Map<String, String> dimensions) {

    public MetricIdentity {
        requireText(namespace, "namespace");
        requireText(metricName, "metricName");
        Objects.requireNonNull(dimensions, "dimensions must not be null; pass Map.of() for a metric without dimensions");
        dimensions.forEach((name, value) -> {
            requireText(name, "dimension name");
            requireText(value, "value of dimension '" + name + "'");
        });
        // Sorted and immutable so two identities with the same dimensions are equal whatever the map type.
        dimensions = Map.copyOf(new TreeMap<>(dimensions));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return namespace + "/" + metricName + new TreeMap<>(dimensions);
    }
}

package io.autoremediate.bench.coldstart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What a jar is made of: compressed bytes per package (four levels deep, five for SDK services), biggest first. */
public final class JarAnatomy {

    public record Part(String prefix, long compressedBytes, int entries) {
    }

    private JarAnatomy() {
    }

    public static List<Part> biggest(Path jar, int limit) throws IOException {
        Map<String, long[]> sizes = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                long[] size = sizes.computeIfAbsent(prefix(entry.getName()), k -> new long[2]);
                size[0] += entry.getCompressedSize();
                size[1]++;
            }
        }
        return sizes.entrySet().stream()
                .map(e -> new Part(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
                .sorted(Comparator.comparingLong(Part::compressedBytes).reversed())
                .limit(limit)
                .toList();
    }

    private static String prefix(String name) {
        String[] parts = name.split("/");
        // One level deeper for the SDK's services, so each service shows on its own.
        int depth = Math.min(parts.length - 1, name.startsWith("software/amazon/awssdk/services/") ? 5 : 4);
        return depth <= 0 ? name : String.join("/", java.util.Arrays.copyOf(parts, depth)) + "/";
    }
}

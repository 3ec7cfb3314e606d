package io.autoremediate.bench.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's task directory as Lambda makes it: the deployment package (here the shaded jar, a zip) extracted
 * into a folder ({@code /var/task} in Lambda), from which the runtime's class loader reads each class as a file.
 */
final class TaskRoot {

    private TaskRoot() {
    }

    /** Replaces {@code root} with the extracted contents of {@code jar}. */
    static void extract(Path jar, Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(root);
        Path normalRoot = root.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = normalRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(normalRoot)) {
                    throw new IOException(jar + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

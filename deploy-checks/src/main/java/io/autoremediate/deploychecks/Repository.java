package io.autoremediate.deploychecks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are: the build passes its root; run elsewhere, the parent of this module. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("autoremediate.repository.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("terraform")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException(root + " is not the autoremediate repository root (no terraform/ or "
                    + "pom.xml); set -Dautoremediate.repository.root");
        }
        return root;
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}

package io.autoremediate.local.adapters;

import io.autoremediate.functions.runbook.Runbook;
import io.autoremediate.functions.runbook.RunbookStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Runbooks from a folder, the local stand-in for the S3 bucket and prefix: a key is a file name in it. */
public final class FolderRunbookStore implements RunbookStore {

    private final Path root;

    public FolderRunbookStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<Runbook> find(String key) {
        Path file = resolve(key);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(file);
            String version = Files.getLastModifiedTime(file).toInstant().toString();
            return Optional.of(Runbook.of(key, file.toString(), version, content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read runbook " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return root + "/";
    }

    /** A key may only name a file directly in the folder; anything that would leave it finds nothing. */
    private Path resolve(String key) {
        if (key == null || key.isEmpty() || key.contains("/") || key.contains("\\") || key.contains("\0")) {
            return null;
        }
        try {
            Path file = root.resolve(key).normalize();
            return file.getParent() != null && file.getParent().equals(root) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}

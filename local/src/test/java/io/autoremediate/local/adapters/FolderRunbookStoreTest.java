package io.autoremediate.local.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.functions.runbook.Runbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderRunbookStoreTest {

    @TempDir
    Path dir;

    @Test
    void findsARunbookByFileNameWithItsHashAndSize() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("remediations"));
        Files.writeString(runbooks.resolve("webapp-uptime#CustomNamespace.sh"), "echo hi\n");

        Runbook runbook = new FolderRunbookStore(runbooks).find("webapp-uptime#CustomNamespace.sh").orElseThrow();

        assertThat(runbook.script()).isEqualTo("echo hi\n");
        assertThat(runbook.ref().size()).isEqualTo(8);
        assertThat(runbook.ref().sha256()).isEqualTo(Runbook.sha256("echo hi\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(runbook.ref().location()).endsWith("remediations/webapp-uptime#CustomNamespace.sh");
    }

    @Test
    void aMissingRunbookIsEmpty() {
        assertThat(new FolderRunbookStore(dir).find("nothing.sh")).isEmpty();
    }

    @Test
    void keysCannotReachOutsideTheFolder() throws Exception {
        Path runbooks = Files.createDirectories(dir.resolve("remediations"));
        Files.writeString(dir.resolve("secret.sh"), "cat /etc/shadow");
        FolderRunbookStore store = new FolderRunbookStore(runbooks);

        assertThat(store.find("../secret.sh")).isEmpty();
        assertThat(store.find("..")).isEmpty();
        assertThat(store.find(dir.resolve("secret.sh").toString())).isEmpty();
        assertThat(store.find("secret.sh\0.sh")).isEmpty();
    }

    @Test
    void aFolderIsNotARunbook() throws Exception {
        Files.createDirectories(dir.resolve("oops.sh"));

        assertThat(new FolderRunbookStore(dir).find("oops.sh")).isEmpty();
    }
}

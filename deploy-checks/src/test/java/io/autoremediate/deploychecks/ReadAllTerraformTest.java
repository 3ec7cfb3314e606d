package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadAllTerraformTest {

    @Test
    void everyTerraformFolderReads() throws IOException {
        try (Stream<Path> paths = Files.walk(Repository.resolve("terraform"))) {
            var folders = paths.filter(p -> p.toString().endsWith(".tf")).map(Path::getParent).distinct().toList();
            assertThat(folders).hasSizeGreaterThanOrEqualTo(3);
            for (Path folder : folders) {
                assertThat(TerraformModule.read(folder).blocks()).as(folder.toString()).isNotEmpty();
            }
        }
    }
}

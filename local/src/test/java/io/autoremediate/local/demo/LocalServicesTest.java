package io.autoremediate.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServicesTest {

    @TempDir
    Path dir;

    private LocalServices services;

    @AfterEach
    void stopAll() throws Exception {
        if (services != null) {
            services.systemctl("stop", "sleeper");
        }
    }

    @Test
    void systemctlStartsStopsAndRestartsARegisteredService() throws Exception {
        services = LocalServices.create(dir);
        services.register("sleeper", List.of("sleep", "60"));

        assertThat(services.systemctl("is-active", "--quiet", "sleeper")).isEqualTo(3);
        assertThat(services.systemctl("start", "sleeper")).isZero();
        long first = services.process("sleeper").orElseThrow().pid();
        assertThat(services.systemctl("is-active", "sleeper.service")).isZero();

        assertThat(services.systemctl("restart", "sleeper")).isZero();
        long second = services.process("sleeper").orElseThrow().pid();
        assertThat(second).isNotEqualTo(first);
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        assertThat(services.systemctl("stop", "sleeper")).isZero();
        assertThat(services.process("sleeper")).isEmpty();
    }

    @Test
    void unknownUnitsAndHostileNamesAreRefused() throws Exception {
        services = LocalServices.create(dir);

        assertThat(services.systemctl("start", "nginx")).isEqualTo(5);
        assertThat(services.systemctl("start", "../../bin/sh")).isEqualTo(2);
        assertThat(services.systemctl("start", "x;touch pwned")).isEqualTo(2);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aDeadServiceIsInactive() throws Exception {
        services = LocalServices.create(dir);
        services.register("sleeper", List.of("sleep", "60"));
        services.systemctl("start", "sleeper");

        ProcessHandle sleeper = services.process("sleeper").orElseThrow();
        sleeper.destroyForcibly();
        sleeper.onExit().join();

        assertThat(services.systemctl("is-active", "--quiet", "sleeper")).isEqualTo(3);
    }
}

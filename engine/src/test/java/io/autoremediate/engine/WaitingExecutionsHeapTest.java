package io.autoremediate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 executions parked in a Wait at once fit in a 256 MB heap: runs {@link WaitingExecutionsHeap}. */
class WaitingExecutionsHeapTest {

    @Test
    void tenThousandWaitingExecutionsFitInA256MegabyteHeap() throws Exception {
        Process child = ChildJvm.start(List.of("-Xmx256m"), WaitingExecutionsHeap.class, "10000");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        System.out.println("WaitingExecutionsHeap: " + output.strip());
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("parked 10000 executions").contains("all 10000 succeeded");
    }

    @Test
    void tenThousandJournaledWaitingExecutionsFitInA256MegabyteHeap(@TempDir Path journal) throws Exception {
        Process child = ChildJvm.start(List.of("-Xmx256m"), WaitingExecutionsHeap.class, "10000",
                journal.toString());
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        System.out.println("WaitingExecutionsHeap: " + output.strip());
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("parked 10000 executions (journaled)").contains("all 10000 succeeded");
    }
}

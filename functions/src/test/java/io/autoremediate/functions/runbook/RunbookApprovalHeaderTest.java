package io.autoremediate.functions.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunbookApprovalHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"# autoremediate: approval=required", "#autoremediate:approval = required",
        "  # AutoRemediate: Approval=Required  "})
    void aHeaderLineAsksForApproval(String line) {
        assertThat(runbook("#!/bin/bash\n" + line + "\nreboot\n").ref().approvalRequired()).isTrue();
    }

    @Test
    void runbooksWithoutTheHeaderRunWithoutApproval() {
        assertThat(runbook("#!/bin/bash\nsystemctl restart webapp\n").ref().approvalRequired()).isFalse();
    }

    @Test
    void theHeaderCountsOnlyNearTheTop() {
        assertThat(runbook("echo x\n".repeat(25) + "# autoremediate: approval=required\n").ref().approvalRequired()).isFalse();
    }

    @Test
    void aMentionInsideACommandIsNotTheHeader() {
        assertThat(runbook("echo '# autoremediate: approval=required'\n").ref().approvalRequired()).isFalse();
    }

    private static Runbook runbook(String script) {
        return Runbook.of("k.sh", "mem://k.sh", "1", script.getBytes(StandardCharsets.UTF_8));
    }
}

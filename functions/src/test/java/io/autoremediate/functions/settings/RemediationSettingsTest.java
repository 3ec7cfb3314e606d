package io.autoremediate.functions.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemediationSettingsTest {

    @Test
    void validOverridesPassThrough() throws Exception {
        var overrides = TestJson.MAPPER.readTree("{\"maxAttempts\": 2, \"dryRun\": true, \"pauseBetweenAttemptsSeconds\": 0}");

        assertThat(RemediationSettings.validated(overrides)).isEqualTo(overrides);
    }

    @Test
    void noOverridesIsAnEmptyObject() {
        assertThat(RemediationSettings.validated(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"maxAttempts\": 0} | setting maxAttempts must be a whole number from 1 to 31536000, got 0",
        "{\"maxAttempts\": \"3\"} | setting maxAttempts must be a whole number from 1 to 31536000, got \"3\"",
        "{\"pollIntervalSeconds\": 1.5} | setting pollIntervalSeconds must be a whole number",
        "{\"dryRun\": \"yes\"} | setting dryRun must be true or false",
        "{\"maxAtempts\": 3} | unknown setting 'maxAtempts'",
        "[1] | settings must be a JSON object"
    })
    void wrongSettingsAreNamed(String json, String message) throws Exception {
        var overrides = TestJson.MAPPER.readTree(json);

        assertThatThrownBy(() -> RemediationSettings.validated(overrides)).hasMessageContaining(message);
    }

    @Test
    void theDefaultsFitInTheExecutionTimeoutWithRoomToEscalate() {
        // 40 x 30 guard + 3600 approval + 3 x (150 x 5 + 6 x 30) + 2 x 60 pauses
        assertThat(WaitBudget.worstCaseSeconds(RemediationSettings.defaults())).isEqualTo(1_200 + 3_600 + 2_790 + 120);
        assertThat(WaitBudget.worstCaseSeconds(RemediationSettings.defaults())).isLessThan(WaitBudget.MAX_WAIT_SECONDS);
    }

    @Test
    void settingsWhoseWaitsCouldOutliveTheExecutionAreRefusedNamingTheParts() throws Exception {
        var overrides = TestJson.MAPPER.readTree("{\"approvalTimeoutSeconds\": 50000, \"maxGuardWaits\": 100,"
                + " \"guardWaitSeconds\": 300}");

        assertThatThrownBy(() -> RemediationSettings.validated(overrides))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("settings allow an execution to wait up to 82910 s (guard 30000 s")
                .hasMessageContaining("approval 50000 s")
                .hasMessageContaining("more than the 82800 s that fit in the execution's 86400 s timeout");
    }

    @Test
    void aLongApprovalWindowIsFineWhenTheRestIsShort() throws Exception {
        var overrides = TestJson.MAPPER.readTree("{\"approvalTimeoutSeconds\": 72000, \"maxGuardWaits\": 0}");

        assertThat(RemediationSettings.validated(overrides)).isEqualTo(overrides);
    }
}

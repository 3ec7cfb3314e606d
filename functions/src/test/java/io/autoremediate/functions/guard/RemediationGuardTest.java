package io.autoremediate.functions.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoremediate.functions.guard.ExecutionEntry.ExecutionState;
import io.autoremediate.functions.incident.AlarmState;
import io.autoremediate.functions.incident.ExecutionNames;
import io.autoremediate.functions.incident.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemediationGuardTest {

    private static final Instant T0 = Instant.parse("2026-11-25T17:00:00Z");
    private static final String I1 = "i-0abc12345def67890";
    private static final String I2 = "i-0fedcba9876543210";

    private final List<ExecutionEntry> executions = new ArrayList<>();
    private final RemediationGuard guard = new RemediationGuard(new ExecutionLedger() {
        @Override
        public List<ExecutionEntry> startedSince(Instant since) {
            return executions.stream().filter(e -> !e.startDate().isBefore(since)).toList();
        }

        @Override
        public List<ExecutionEntry> running() {
            return executions.stream().filter(e -> e.state() == ExecutionState.RUNNING).toList();
        }
    });

    @Test
    void aloneOnItsInstanceItProceeds() {
        Incident incident = incident("webapp-uptime", I1, T0);
        String me = started(incident, T0, ExecutionState.RUNNING);

        GuardVerdict verdict = guard.check(request(incident, me, T0));

        assertThat(verdict.verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(verdict.recentIncidents()).isEqualTo(1);
    }

    @Test
    void aLaterIncidentOnTheSameInstanceWaitsForTheEarlierOne() {
        String first = started(incident("webapp-uptime", I1, T0), T0, ExecutionState.RUNNING);
        Incident second = incident("disk-full", I1, T0.plusSeconds(5));
        String me = started(second, T0.plusSeconds(6), ExecutionState.RUNNING);

        GuardVerdict verdict = guard.check(request(second, me, T0.plusSeconds(6)));

        assertThat(verdict.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(verdict.blockers()).containsExactly(first);
        assertThat(verdict.reason()).isEqualTo("waiting: " + first + " is remediating " + I1 + " already");
    }

    @Test
    void theEarlierOneDoesNotWaitForTheLaterOne() {
        Incident first = incident("webapp-uptime", I1, T0);
        String me = started(first, T0, ExecutionState.RUNNING);
        started(incident("disk-full", I1, T0.plusSeconds(5)), T0.plusSeconds(6), ExecutionState.RUNNING);

        assertThat(guard.check(request(first, me, T0)).verdict()).isEqualTo(Verdict.PROCEED);
    }

    @Test
    void executionsStartedAtTheSameInstantAreOrderedByName() {
        Incident a = incident("a-alarm", I1, T0);
        Incident b = incident("b-alarm", I1, T0);
        String nameA = started(a, T0, ExecutionState.RUNNING);
        String nameB = started(b, T0, ExecutionState.RUNNING);

        assertThat(guard.check(request(a, nameA, T0)).verdict()).isEqualTo(Verdict.PROCEED);
        assertThat(guard.check(request(b, nameB, T0)).verdict()).isEqualTo(Verdict.WAIT);
    }

    @Test
    void otherInstancesAndEndedExecutionsDoNotBlock() {
        started(incident("webapp-uptime", I2, T0), T0, ExecutionState.RUNNING);
        started(incident("disk-full", I1, T0), T0, ExecutionState.ENDED);
        Incident mine = incident("webapp-uptime", I1, T0.plusSeconds(10));
        String me = started(mine, T0.plusSeconds(10), ExecutionState.RUNNING);

        assertThat(guard.check(request(mine, me, T0.plusSeconds(10))).verdict()).isEqualTo(Verdict.PROCEED);
    }

    @Test
    void theFourthChangeIntoAlarmWithinTheHourIsFlapping() {
        for (int i = 0; i < 3; i++) {
            started(incident("webapp-uptime", I1, T0.plusSeconds(600L * i)), T0.plusSeconds(600L * i + 1), ExecutionState.ENDED);
        }
        Incident fourth = incident("webapp-uptime", I1, T0.plusSeconds(1800));
        String me = started(fourth, T0.plusSeconds(1801), ExecutionState.RUNNING);

        GuardVerdict verdict = guard.check(request(fourth, me, T0.plusSeconds(1801)));

        assertThat(verdict.verdict()).isEqualTo(Verdict.FLAPPING);
        assertThat(verdict.recentIncidents()).isEqualTo(4);
        assertThat(verdict.reason()).isEqualTo("flapping: alarm 'webapp-uptime' on " + I1 + " went to ALARM 4 times"
                + " within 60 min (limit 3); auto-remediation is paused for it until it calms down");
    }

    @Test
    void changesOlderThanTheWindowAndOfOtherAlarmsOrInstancesDoNotCount() {
        started(incident("webapp-uptime", I1, T0.minusSeconds(4000)), T0.minusSeconds(3999), ExecutionState.ENDED);
        started(incident("webapp-uptime", I2, T0.plusSeconds(100)), T0.plusSeconds(101), ExecutionState.ENDED);
        started(incident("disk-full", I1, T0.plusSeconds(200)), T0.plusSeconds(201), ExecutionState.ENDED);
        started(incident("webapp-uptime", I1, T0.plusSeconds(300)), T0.plusSeconds(301), ExecutionState.ENDED);
        Incident mine = incident("webapp-uptime", I1, T0.plusSeconds(600));
        String me = started(mine, T0.plusSeconds(601), ExecutionState.RUNNING);

        assertThat(guard.check(request(mine, me, T0.plusSeconds(601))).recentIncidents()).isEqualTo(2);
    }

    @Test
    void aDuplicateOfTheSameChangeIsNotCountedTwice() {
        Incident incident = incident("webapp-uptime", I1, T0);
        String me = started(incident, T0, ExecutionState.RUNNING);

        assertThat(guard.check(request(incident, me, T0)).recentIncidents()).isEqualTo(1);
    }

    private String started(Incident incident, Instant at, ExecutionState state) {
        String name = ExecutionNames.forIncident(incident);
        executions.add(new ExecutionEntry(name, state, at));
        return name;
    }

    private static GuardRequest request(Incident incident, String name, Instant startedAt) {
        return new GuardRequest(incident, name, startedAt, 3, 3600);
    }

    private static Incident incident(String alarm, String instance, Instant changedAt) {
        return new Incident(alarm, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + alarm, AlarmState.ALARM,
                AlarmState.OK, null, null, changedAt, null, "m", "CustomNamespace", Map.of("InstanceId", instance),
                instance, "123456789012", "us-east-1");
    }
}

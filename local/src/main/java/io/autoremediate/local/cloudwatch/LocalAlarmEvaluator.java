package io.autoremediate.local.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.local.arn.LocalArns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Evaluates single-metric alarms over a {@link LocalMetricStore} the way CloudWatch does, and tells listeners
 * about every state change with the EventBridge "CloudWatch Alarm State Change" event.
 *
 * <p>Like CloudWatch, only complete periods are evaluated: periods are aligned to the epoch and the one still
 * filling at {@code now} is left out, so a sample at 10:15:07 counts once its 10:15:00–10:16:00 period ends.
 */
public final class LocalAlarmEvaluator {

    /** The scheduler evaluates at least this often, so a 1-second demo alarm reacts within a second. */
    public static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(1);

    private final LocalMetricStore store;
    private final String account;
    private final String region;
    private final Clock clock;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>(); // guarded by this
    private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> schedule; // guarded by this

    public LocalAlarmEvaluator(LocalMetricStore store, String account, String region) {
        this(store, account, region, Clock.systemUTC());
    }

    LocalAlarmEvaluator(LocalMetricStore store, String account, String region, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.account = requireText(account, "account");
        this.region = requireText(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates or replaces an alarm. A new alarm starts in INSUFFICIENT_DATA; replacing one keeps its state, as
     * PutMetricAlarm does.
     */
    public synchronized void putAlarm(AlarmDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        Alarm existing = alarms.get(definition.alarmName());
        AlarmState state = existing == null ? AlarmState.initial(clock.instant()) : existing.state;
        alarms.put(definition.alarmName(), new Alarm(definition, state));
    }

    /** The current state value of the alarm named {@code alarmName}. */
    public AlarmStateValue stateOf(String alarmName) {
        return describe(alarmName).value();
    }

    /** The current state of the alarm named {@code alarmName}, with its reason. */
    public synchronized AlarmState describe(String alarmName) {
        return alarm(alarmName).state;
    }

    /** The ARN CloudWatch would give the alarm, e.g. {@code arn:aws:cloudwatch:us-east-1:123456789012:alarm:x}. */
    public String alarmArn(String alarmName) {
        return new LocalArns(region, account).alarm(alarmName);
    }

    /** Receives every state-change event; a listener that throws is reported on stderr and does not stop others. */
    public void addListener(Consumer<ObjectNode> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Evaluates every alarm as of {@code now} and notifies listeners of each transition, in alarm order. */
    public void evaluate(Instant now) {
        Objects.requireNonNull(now, "now");
        List<ObjectNode> events = new ArrayList<>();
        synchronized (this) {
            for (Alarm alarm : alarms.values()) {
                ObjectNode event = evaluate(alarm, now);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        // Outside the lock, so a listener may call back into the evaluator (stateOf, putAlarm) safely.
        events.forEach(this::publish);
    }

    /** Evaluates all alarms with the system clock every {@link #EVALUATION_INTERVAL} until {@link #stop()}. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        if (schedule != null) {
            throw new IllegalStateException("alarm evaluator is already started; call stop() first");
        }
        long intervalMillis = EVALUATION_INTERVAL.toMillis();
        schedule = scheduler.scheduleAtFixedRate(this::evaluateNowSafely, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops periodic evaluation; does nothing when not started. */
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void evaluateNowSafely() {
        try {
            evaluate(clock.instant());
        } catch (RuntimeException e) {
            // A scheduled task that throws is silently never run again; report and keep evaluating.
            System.err.println("alarm evaluation failed: " + e);
        }
    }

    private ObjectNode evaluate(Alarm alarm, Instant now) {
        AlarmDefinition definition = alarm.definition;
        Duration period = definition.period();
        long periodMillis = period.toMillis();
        Instant rangeEnd = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), periodMillis) * periodMillis);
        int rangePeriods = AlarmRule.evaluationRangePeriods(definition);
        Instant rangeStart = rangeEnd.minus(period.multipliedBy(rangePeriods));

        List<Datapoint> datapoints = store.getMetricStatistics(
                definition.metric(), rangeStart, rangeEnd, period, definition.statistic());
        Map<Instant, Datapoint> byStart = new HashMap<>();
        datapoints.forEach(d -> byStart.put(d.timestamp(), d));
        List<EvaluatedPeriod> range = new ArrayList<>(rangePeriods);
        for (int i = 0; i < rangePeriods; i++) {
            Instant start = rangeStart.plus(period.multipliedBy(i));
            range.add(new EvaluatedPeriod(start, byStart.get(start)));
        }

        AlarmVerdict verdict = AlarmRule.decide(definition, range);
        if (verdict.keepsCurrentState() || verdict.state() == alarm.state.value()) {
            return null;
        }
        AlarmState previous = alarm.state;
        alarm.state = StateReason.newState(definition, verdict.state(), verdict.evaluated(), rangeStart, now);
        return AlarmStateChangeEvent.of(definition, account, region, previous, alarm.state, UUID.randomUUID());
    }

    private void publish(ObjectNode event) {
        for (Consumer<ObjectNode> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                System.err.println("alarm listener failed on " + event.path("detail").path("alarmName").asText()
                        + " -> " + event.path("detail").path("state").path("value").asText() + ": " + e);
            }
        }
    }

    private Alarm alarm(String alarmName) {
        Alarm alarm = alarms.get(alarmName);
        if (alarm == null) {
            throw new UnknownAlarmException(alarmName, alarms.keySet());
        }
        return alarm;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** An alarm's definition and its current state; mutated only under the evaluator's lock. */
    private static final class Alarm {
        final AlarmDefinition definition;
        AlarmState state;

        Alarm(AlarmDefinition definition, AlarmState state) {
            this.definition = definition;
            this.state = state;
        }
    }
}

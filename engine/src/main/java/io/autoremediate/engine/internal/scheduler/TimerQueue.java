package io.autoremediate.engine.internal.scheduler;

import io.autoremediate.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Items parked until a time on the engine clock, handed to {@code onDue} once the clock reaches it. One
 * thread serves the whole queue, so a parked item costs a queue entry, not a thread. The thread naps until the
 * earliest item is due, at most {@code maxNap} of real time, and wakes early when the clock jumps
 * ({@link EngineClock#whenAdvanced}) or an earlier item arrives. Given a {@link WhenIdle} hook, it offers
 * the hook the earliest deadline instead of napping, so a jumping clock can be moved there.
 */
final class TimerQueue<T> implements AutoCloseable {
    private final EngineClock clock;
    private final Consumer<T> onDue;
    private final long maxNapNanos;
    private final PriorityQueue<Parked<T>> queue = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private final WhenIdle whenIdle;
    private long sequence;
    /** Counts parks and pokes, so one that comes while the lock is let go for {@link #whenIdle} is not lost. */
    private long changes;
    private volatile boolean closed;

    /** Offered the earliest deadline when nothing is due yet; true when it moved the clock there. */
    @FunctionalInterface
    interface WhenIdle {
        WhenIdle NAP = earliest -> false;

        boolean advance(Instant earliest) throws InterruptedException;
    }

    private record Parked<T>(Instant at, long sequence, T item) implements Comparable<Parked<T>> {
        @Override
        public int compareTo(Parked<T> other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    TimerQueue(EngineClock clock, Consumer<T> onDue, Duration maxNap, String threadName, WhenIdle whenIdle) {
        this.whenIdle = Objects.requireNonNull(whenIdle, "whenIdle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onDue = Objects.requireNonNull(onDue, "onDue");
        this.maxNapNanos = maxNap.toNanos();
        this.thread = new Thread(this::serve, threadName);
        thread.setDaemon(true);
        clock.whenAdvanced(this::poke);
    }

    public void park(T item, Instant at) {
        lock.lock();
        try {
            if (sequence == 0 && !closed) {
                thread.start(); // on the first park: a runtime whose executions never wait needs no timer
            }
            queue.add(new Parked<>(at, sequence++, item));
            changes++;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes a parked item; false if it was not parked. */
    public boolean cancel(T item) {
        lock.lock();
        try {
            return queue.removeIf(parked -> parked.item() == item);
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Makes the timer look at the clock again. */
    public void poke() {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            changes++;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void serve() {
        lock.lock();
        try {
            while (!closed) {
                Parked<T> head = queue.peek();
                long napNanos = maxNapNanos;
                if (head != null) {
                    Duration left = Duration.between(clock.now(), head.at());
                    if (left.isNegative() || left.isZero()) {
                        queue.poll();
                        handOver(head.item());
                        continue;
                    }
                    if (offerToIdle(head.at())) {
                        continue;
                    }
                    napNanos = Math.min(napNanos, saturatedNanos(left));
                }
                if (head == null) {
                    changed.await(); // nothing to look at until something is parked
                } else {
                    changed.await(napNanos, TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets the hook move the clock, without the lock (a jumping clock tells its listeners, {@link #poke}
     * among them); true when the queue must be looked at again: the clock moved, or something poked meanwhile.
     */
    private boolean offerToIdle(Instant earliest) throws InterruptedException {
        if (whenIdle == WhenIdle.NAP) {
            return false;
        }
        long changesBefore = changes;
        boolean moved;
        lock.unlock();
        try {
            moved = whenIdle.advance(earliest);
        } finally {
            lock.lock();
        }
        return moved || changes != changesBefore;
    }

    private void handOver(T item) {
        try {
            onDue.accept(item);
        } catch (RuntimeException e) {
            // onDue only submits to a pool; a refusal (pool closed) must not stop the timer for the others.
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}

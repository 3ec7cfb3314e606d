package io.autoremediate.local.replay;

import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes notices through to a real channel and remembers each, for the report. */
final class RecordingChannel implements NotificationChannel {

    /** One notice as the report shows it. */
    record Sent(String channel, String kind, String summary, boolean delivered) {
    }

    private final NotificationChannel delegate;
    private final List<Sent> sent;

    RecordingChannel(NotificationChannel delegate, List<Sent> sent) {
        this.delegate = delegate;
        this.sent = sent;
    }

    static List<Sent> newLog() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String deliver(Notice notice) throws NotificationFailedException {
        try {
            String receipt = delegate.deliver(notice);
            sent.add(new Sent(name(), notice.kind().name(), notice.title(), true));
            return receipt;
        } catch (NotificationFailedException | RuntimeException e) {
            sent.add(new Sent(name(), notice.kind().name(), notice.title(), false));
            throw e;
        }
    }
}

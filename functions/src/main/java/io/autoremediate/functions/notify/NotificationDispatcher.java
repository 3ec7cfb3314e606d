package io.autoremediate.functions.notify;

import io.autoremediate.functions.errors.NoticeUndeliveredException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a notice to every configured channel. One failing channel does not stop the others; only when
 * none delivered does it throw, so that the failure to tell anyone is itself an error that is seen.
 */
public final class NotificationDispatcher {

    private final List<NotificationChannel> channels;

    public NotificationDispatcher(List<NotificationChannel> channels) {
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("at least one notification channel must be configured");
        }
        this.channels = List.copyOf(channels);
    }

    public List<Delivery> dispatch(Notice notice) {
        List<Delivery> deliveries = new ArrayList<>(channels.size());
        for (NotificationChannel channel : channels) {
            try {
                deliveries.add(Delivery.ok(channel.name(), channel.deliver(notice)));
            } catch (NotificationFailedException | RuntimeException e) {
                deliveries.add(Delivery.failed(channel.name(), e.getMessage()));
            }
        }
        if (deliveries.stream().noneMatch(Delivery::delivered)) {
            throw new NoticeUndeliveredException("no channel delivered the " + notice.kind().name().toLowerCase()
                    + " notice '" + notice.title() + "': " + deliveries);
        }
        return deliveries;
    }
}

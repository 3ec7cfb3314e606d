package io.autoremediate.functions.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.errors.NoticeUndeliveredException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

    private final Notice notice = new Notice(NoticeKind.ESCALATION, "arn:alarm", null, "title", "body", Map.of());

    @Test
    void oneFailingChannelDoesNotStopTheOthers() {
        List<Notice> received = new ArrayList<>();
        NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(
                failing("slack", "403 action_prohibited"), recording("sns", received)));

        List<Delivery> deliveries = dispatcher.dispatch(notice);

        assertThat(received).containsExactly(notice);
        assertThat(deliveries).containsExactly(Delivery.failed("slack", "403 action_prohibited"),
                Delivery.ok("sns", "sent"));
    }

    @Test
    void noChannelDeliveringIsAnErrorThatNamesEachFailure() {
        NotificationDispatcher dispatcher = new NotificationDispatcher(List.of(
                failing("slack", "410 channel_is_archived"), failing("pagerduty", "timeout")));

        assertThatThrownBy(() -> dispatcher.dispatch(notice))
                .isInstanceOf(NoticeUndeliveredException.class)
                .hasMessageContaining("410 channel_is_archived").hasMessageContaining("timeout");
    }

    @Test
    void aDispatcherWithoutChannelsIsRefused() {
        assertThatThrownBy(() -> new NotificationDispatcher(List.of()))
                .hasMessage("at least one notification channel must be configured");
    }

    private static NotificationChannel failing(String name, String why) {
        return new NotificationChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String deliver(Notice notice) throws NotificationFailedException {
                throw new NotificationFailedException(why);
            }
        };
    }

    private static NotificationChannel recording(String name, List<Notice> received) {
        return new NotificationChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String deliver(Notice notice) {
                received.add(notice);
                return "sent";
            }
        };
    }
}

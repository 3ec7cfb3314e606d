package io.autoremediate.functions.handlers;

import io.autoremediate.functions.adapters.aws.AwsAdapters;
import io.autoremediate.functions.notify.Delivery;
import io.autoremediate.functions.notify.IncidentStory;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationDispatcher;
import io.autoremediate.functions.notify.RemediationContext;
import io.autoremediate.functions.ports.NotificationChannel;
import java.util.List;
import java.util.Objects;

/** Step 5: tells people, on every channel, that an incident was escalated or has healed. */
public final class NotifyHandler extends JsonHandler<NotifyHandler.Input, NotifyHandler.Result> {

    /** @param context the execution's state, as far as it got */
    public record Input(NoticeKind kind, String executionId, RemediationContext context) {
        public Input {
            Objects.requireNonNull(kind, "kind (ESCALATION or RESOLVED) is required");
            Objects.requireNonNull(context, "context is required");
        }
    }

    /** @param reason the one-line why, also the Cause of an escalated execution */
    public record Result(NoticeKind kind, String reason, String title, List<Delivery> deliveries) {
    }

    private final NotificationDispatcher dispatcher;

    public NotifyHandler() {
        this(AwsAdapters.notificationChannels());
    }

    public NotifyHandler(List<NotificationChannel> channels) {
        super(Input.class);
        this.dispatcher = new NotificationDispatcher(channels);
    }

    @Override
    public Result handle(Input request) {
        Notice notice = IncidentStory.tell(request.kind(), request.context(), request.executionId());
        String reason = notice.facts().getOrDefault(request.kind() == NoticeKind.ESCALATION ? "Reason" : "Resolution", "");
        return new Result(request.kind(), reason, notice.title(), dispatcher.dispatch(notice));
    }
}

package io.autoremediate.functions.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import io.autoremediate.functions.json.JsonTrees;
import io.autoremediate.functions.notify.Delivery;
import io.autoremediate.functions.notify.IncidentStory;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationDispatcher;
import io.autoremediate.functions.notify.RemediationContext;
import io.autoremediate.functions.wiring.AwsAdapters;
import java.util.List;
import java.util.Objects;

/** Step 5: tells people, on every channel, that an incident was escalated or has healed. */
public final class NotifyHandler extends JsonHandler<NotifyHandler.Input, NotifyHandler.Result> {

    /**
     * @param context   the execution's state, as far as it got
     * @param taskToken for an approval request, the token that approves or denies it
     */
    public record Input(NoticeKind kind, String executionId, RemediationContext context, String taskToken) {
        public Input {
            Objects.requireNonNull(kind, "kind (ESCALATION, RESOLVED or APPROVAL_REQUEST) is required");
            Objects.requireNonNull(context, "context is required");
            if (kind == NoticeKind.APPROVAL_REQUEST && (taskToken == null || taskToken.isBlank())) {
                throw new IllegalArgumentException("an APPROVAL_REQUEST needs the taskToken that answers it");
            }
        }

        public Input(NoticeKind kind, String executionId, RemediationContext context) {
            this(kind, executionId, context, null);
        }

        static Input fromJson(JsonFields json) {
            return new Input(json.requiredConstant("kind", NoticeKind.class), json.text("executionId"),
                    RemediationContext.fromJson(json.requiredObject("context")), json.text("taskToken"));
        }
    }

    /** @param reason the one-line why, also the Cause of an escalated execution */
    public record Result(NoticeKind kind, String reason, String title, List<Delivery> deliveries) {

        public ObjectNode toJson() {
            ArrayNode delivered = JsonTrees.array();
            deliveries.forEach(delivery -> delivered.add(delivery.toJson()));
            return JsonObject.create().text("kind", kind).text("reason", reason).text("title", title)
                    .node("deliveries", delivered).build();
        }
    }

    private final NotificationDispatcher dispatcher;

    public NotifyHandler() {
        this(AwsAdapters.notificationChannels());
    }

    public NotifyHandler(List<NotificationChannel> channels) {
        super(object(Input::fromJson), Result::toJson);
        this.dispatcher = new NotificationDispatcher(channels);
    }

    @Override
    public Result handle(Input request) {
        Notice notice = IncidentStory.tell(request.kind(), request.context(), request.executionId(), request.taskToken());
        String reason = notice.facts().getOrDefault(IncidentStory.summaryFact(request.kind()), "");
        return new Result(request.kind(), reason, notice.title(), dispatcher.dispatch(notice));
    }
}

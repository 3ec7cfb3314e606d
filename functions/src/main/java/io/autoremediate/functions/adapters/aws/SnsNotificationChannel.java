package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes notices to an SNS topic (e-mail, SMS, chat bots subscribe there). A failure is reported as
 * {@link NotificationFailedException} whose cause says whether a retry may help.
 */
public final class SnsNotificationChannel implements NotificationChannel {

    /** Publish's limit on Subject (characters); it must also be one line. */
    static final int SUBJECT_MAX = 100;

    private final SnsClient sns;
    private final String topicArn;

    public SnsNotificationChannel(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public String deliver(Notice notice) throws NotificationFailedException {
        try {
            return sns.publish(b -> b.topicArn(topicArn).subject(subject(notice.title())).message(notice.body()))
                    .messageId();
        } catch (SdkException e) {
            RuntimeException failure = AwsFailures.translate(
                    AwsCall.of("SNS", "Publish", "topic " + topicArn, "sns:Publish"), e);
            throw new NotificationFailedException(failure.getMessage(), failure);
        }
    }

    /**
     * SNS refuses a Subject with line breaks or control characters, or longer than 100 characters; it must
     * start with a letter, number or punctuation. A title that cannot comply still gets a subject.
     */
    static String subject(String title) {
        String oneLine = title.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (oneLine.isEmpty()) {
            return "autoremediate notice";
        }
        if (oneLine.length() <= SUBJECT_MAX) {
            return oneLine;
        }
        int end = SUBJECT_MAX - 3;
        if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
            end--;
        }
        return oneLine.substring(0, end) + "...";
    }
}

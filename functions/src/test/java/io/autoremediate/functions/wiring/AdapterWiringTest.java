package io.autoremediate.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.autoremediate.functions.adapters.aws.AwsClients;
import io.autoremediate.functions.adapters.aws.SfnExecutionLedger;
import io.autoremediate.functions.adapters.aws.SfnExecutionStarter;
import io.autoremediate.functions.adapters.aws.SsmCommandRunner;
import io.autoremediate.functions.notify.NotificationChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterWiringTest {

    private static final String SLACK_URL = "https://hooks.slack.com/services/T000/B000/SECRETSECRETSECRET";

    private final Map<String, String> env = new HashMap<>(Map.of(
            "AWS_REGION", "us-east-1",
            "AUTOREMEDIATE_AWS_ENDPOINT_URL", "http://127.0.0.1:1"));

    private AdapterWiring wiring() {
        return new AdapterWiring(env, () -> new AwsClients(env));
    }

    @Test
    void runbookStoreUsesTheBucketAndTheDefaultPrefix() {
        env.put("RUNBOOK_BUCKET", "runbooks-bucket");

        assertThat(wiring().runbookStore().describe()).isEqualTo("s3://runbooks-bucket/runbooks/");
    }

    @Test
    void runbookStoreHonoursACustomPrefix() {
        env.put("RUNBOOK_BUCKET", "b");
        env.put("RUNBOOK_PREFIX", "ops/scripts/");

        assertThat(wiring().runbookStore().describe()).isEqualTo("s3://b/ops/scripts/");
    }

    @Test
    void missingRunbookBucketIsAClearError() {
        assertThatThrownBy(() -> wiring().runbookStore())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RUNBOOK_BUCKET");
        assertThatThrownBy(() -> wiring().commandRunner())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RUNBOOK_BUCKET");
    }

    @Test
    void commandRunnerNeedsOnlyAnOutputBucket() {
        env.put("OUTPUT_BUCKET", "out");

        assertThat(wiring().commandRunner()).isInstanceOf(SsmCommandRunner.class);
    }

    @Test
    void executionStarterAndLedgerNeedTheStateMachineArn() {
        assertThatThrownBy(() -> wiring().executionStarter())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STATE_MACHINE_ARN");
        assertThatThrownBy(() -> wiring().executionLedger())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STATE_MACHINE_ARN");

        env.put("STATE_MACHINE_ARN", "arn:aws:states:us-east-1:123456789012:stateMachine:remediation");
        assertThat(wiring().executionStarter()).isInstanceOf(SfnExecutionStarter.class);
        assertThat(wiring().executionLedger()).isInstanceOf(SfnExecutionLedger.class);
    }

    @Test
    void missingRegionIsAClearError() {
        env.remove("AWS_REGION");
        env.put("RUNBOOK_BUCKET", "b");

        assertThatThrownBy(() -> wiring().runbookStore())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void onlyConfiguredChannelsAreBuilt() {
        assertThat(wiring().notificationChannels()).isEmpty();

        env.put("SLACK_WEBHOOK_URL", SLACK_URL);
        env.put("PAGERDUTY_ROUTING_KEY", "R0123456789ABCDEF0123456789ABCDE");
        assertThat(names(wiring().notificationChannels())).containsExactly("slack", "pagerduty");

        env.put("SNS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:t");
        env.put("ITSM_WEBHOOK_URL", "https://itsm.example/api/incidents");
        assertThat(names(wiring().notificationChannels())).containsExactly("sns", "slack", "pagerduty", "itsm");
    }

    @Test
    void malformedWebhookUrlIsReportedWithoutItsValue() {
        env.put("SLACK_WEBHOOK_URL", "hooks.slack.com/services/T000/B000/SECRETSECRETSECRET");

        assertThatThrownBy(() -> wiring().notificationChannels())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SLACK_WEBHOOK_URL")
                .hasMessageNotContaining("SECRETSECRETSECRET");
    }

    @Test
    void unparsableWebhookUrlIsReportedWithoutItsValue() {
        env.put("ITSM_WEBHOOK_URL", "https://itsm.example/a b?token=SECRETSECRETSECRET");

        assertThatThrownBy(() -> wiring().notificationChannels())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ITSM_WEBHOOK_URL")
                .hasMessageNotContaining("SECRETSECRETSECRET");
    }

    private static List<String> names(List<NotificationChannel> channels) {
        return channels.stream().map(NotificationChannel::name).toList();
    }
}

package io.autoremediate.functions.wiring;

import io.autoremediate.functions.adapters.aws.AwsClients;
import io.autoremediate.functions.adapters.aws.CloudWatchAlarmStateReader;
import io.autoremediate.functions.adapters.aws.Lazy;
import io.autoremediate.functions.adapters.aws.ParameterStoreSecrets;
import io.autoremediate.functions.adapters.aws.S3RunbookStore;
import io.autoremediate.functions.adapters.aws.SecretStore;
import io.autoremediate.functions.adapters.aws.SecretsManagerSecrets;
import io.autoremediate.functions.adapters.aws.SfnExecutionLedger;
import io.autoremediate.functions.adapters.aws.SfnExecutionStarter;
import io.autoremediate.functions.adapters.aws.SnsNotificationChannel;
import io.autoremediate.functions.adapters.aws.SsmCommandRunner;
import io.autoremediate.functions.adapters.http.ItsmWebhookChannel;
import io.autoremediate.functions.adapters.http.PagerDutyChannel;
import io.autoremediate.functions.adapters.http.SlackWebhookChannel;
import io.autoremediate.functions.alarm.AlarmStateReader;
import io.autoremediate.functions.command.CommandRunner;
import io.autoremediate.functions.guard.ExecutionLedger;
import io.autoremediate.functions.intake.ExecutionStarter;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.functions.runbook.RunbookStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The composition root: builds the AWS SDK and the webhook adapters the handlers run with in Lambda, from
 * environment variables. Required: {@code RUNBOOK_BUCKET}. Optional:
 * {@code RUNBOOK_PREFIX} ({@value #DEFAULT_RUNBOOK_PREFIX}), {@code OUTPUT_BUCKET} (the runbook bucket),
 * {@code OUTPUT_PREFIX} ({@value #DEFAULT_OUTPUT_PREFIX}), {@code STATE_MACHINE_ARN} (required by the intake and
 * the guard, which start and list the remediation state machine's executions), and one set per notification
 * channel:
 * {@code SNS_TOPIC_ARN}; Slack's webhook URL; PagerDuty's routing key with {@code PAGERDUTY_EVENTS_URL};
 * {@code ITSM_WEBHOOK_URL} with a token. The three secrets are read by name from {@code SECRET_STORE}
 * ({@code secretsmanager}, the default, or {@code ssm}): {@code SLACK_WEBHOOK_SECRET_NAME},
 * {@code PAGERDUTY_ROUTING_KEY_SECRET_NAME}, {@code ITSM_TOKEN_SECRET_NAME}. For local runs and tests the plain
 * variables {@code SLACK_WEBHOOK_URL}, {@code PAGERDUTY_ROUTING_KEY} and {@code ITSM_TOKEN} are read when no
 * name is given.
 */
final class AdapterWiring {

    static final String DEFAULT_RUNBOOK_PREFIX = "runbooks/";
    static final String DEFAULT_OUTPUT_PREFIX = "command-output/";
    static final Duration WEBHOOK_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> environment;
    private final Supplier<AwsClients> clients;
    private final Lazy<HttpClient> http = new Lazy<>(() -> HttpClient.newBuilder()
            .connectTimeout(WEBHOOK_CONNECT_TIMEOUT)
            // A redirected webhook is a misconfiguration to see, not to follow with our secrets.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());

    AdapterWiring(Map<String, String> environment, Supplier<AwsClients> clients) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    RunbookStore runbookStore() {
        return new S3RunbookStore(clients.get().s3(), required("RUNBOOK_BUCKET"),
                optional("RUNBOOK_PREFIX", DEFAULT_RUNBOOK_PREFIX));
    }

    CommandRunner commandRunner() {
        String bucket = optional("OUTPUT_BUCKET", null);
        AwsClients aws = clients.get();
        return new SsmCommandRunner(aws.ssm(), aws::s3,
                bucket != null ? bucket : required("RUNBOOK_BUCKET"),
                optional("OUTPUT_PREFIX", DEFAULT_OUTPUT_PREFIX));
    }

    ExecutionStarter executionStarter() {
        return new SfnExecutionStarter(clients.get().sfn(), required("STATE_MACHINE_ARN"));
    }

    ExecutionLedger executionLedger() {
        return new SfnExecutionLedger(clients.get().sfn(), required("STATE_MACHINE_ARN"), Clock.systemUTC());
    }

    AlarmStateReader alarmStateReader() {
        return new CloudWatchAlarmStateReader(clients.get().cloudWatch());
    }

    List<NotificationChannel> notificationChannels() {
        List<NotificationChannel> channels = new ArrayList<>(4);
        String topicArn = optional("SNS_TOPIC_ARN", null);
        if (topicArn != null) {
            channels.add(new SnsNotificationChannel(clients.get().sns(), topicArn));
        }
        String slack = secret("SLACK_WEBHOOK_URL");
        if (slack != null) {
            channels.add(new SlackWebhookChannel(http.get(), secretUri("SLACK_WEBHOOK_URL", slack)));
        }
        String routingKey = secret("PAGERDUTY_ROUTING_KEY");
        if (routingKey != null) {
            String events = optional("PAGERDUTY_EVENTS_URL", null);
            channels.add(new PagerDutyChannel(http.get(),
                    events == null ? PagerDutyChannel.DEFAULT_ENDPOINT : uri("PAGERDUTY_EVENTS_URL", events),
                    routingKey));
        }
        String itsm = optional("ITSM_WEBHOOK_URL", null);
        if (itsm != null) {
            channels.add(new ItsmWebhookChannel(http.get(), secretUri("ITSM_WEBHOOK_URL", itsm), secret("ITSM_TOKEN")));
        }
        return List.copyOf(channels);
    }

    /**
     * The one place secret values are read: by name from the secret store when {@code <VARIABLE>_SECRET_NAME}
     * is set (as the deployment does), else from the plain variable (local runs). Read once per container,
     * since the channels are built once.
     */
    private String secret(String variable) {
        String name = optional(secretNameVariable(variable), null);
        return name == null ? optional(variable, null) : secretStore().read(name);
    }

    /** {@code SLACK_WEBHOOK_URL} is named by {@code SLACK_WEBHOOK_SECRET_NAME}; others add {@code _SECRET_NAME}. */
    static String secretNameVariable(String variable) {
        return variable.equals("SLACK_WEBHOOK_URL") ? "SLACK_WEBHOOK_SECRET_NAME" : variable + "_SECRET_NAME";
    }

    private SecretStore secretStore() {
        String store = optional("SECRET_STORE", "secretsmanager");
        return switch (store) {
            case "secretsmanager" -> new SecretsManagerSecrets(clients.get().secretsManager());
            case "ssm" -> new ParameterStoreSecrets(clients.get().ssm());
            default -> throw new IllegalStateException("environment variable SECRET_STORE must be secretsmanager or ssm,"
                    + " got '" + store + "'");
        };
    }

    private String required(String variable) {
        String value = optional(variable, null);
        if (value == null) {
            throw new IllegalStateException("environment variable " + variable + " is not set; the function's "
                    + "deployment must set it");
        }
        return value;
    }

    private String optional(String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static URI uri(String variable, String value) {
        try {
            return checkedWebUri(variable, new URI(value));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("environment variable " + variable + " is not a URL: " + e.getReason());
        }
    }

    /** Like {@link #uri} but the message never repeats the value, which grants the right to post. */
    private static URI secretUri(String variable, String value) {
        try {
            return checkedWebUri(variable, new URI(value));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("environment variable " + variable + " is not a URL (value not shown: "
                    + "it is a secret)");
        }
    }

    private static URI checkedWebUri(String variable, URI uri) {
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalStateException("environment variable " + variable
                    + " must be an http(s) URL with a host");
        }
        return uri;
    }
}

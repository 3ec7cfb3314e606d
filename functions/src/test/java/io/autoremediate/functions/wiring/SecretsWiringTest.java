package io.autoremediate.functions.wiring;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.adapters.aws.AwsClients;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The channels' secrets are read by name from Secrets Manager or Parameter Store, the real SDK against WireMock. */
class SecretsWiringTest {

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Map<String, String> env = new HashMap<>();

    private AdapterWiring wiring() {
        env.put("AWS_REGION", "us-east-1");
        env.put("AUTOREMEDIATE_AWS_ENDPOINT_URL", aws.baseUrl());
        return new AdapterWiring(env, () -> new AwsClients(env,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))));
    }

    @Test
    void slackWebhookUrlIsReadFromSecretsManagerByName() throws Exception {
        String hook = aws.baseUrl() + "/services/T000/B000/XYZ";
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\": \"autoremediate/slack\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Name\": \"autoremediate/slack\", \"SecretString\": \"" + hook + "\"}")));
        aws.stubFor(post("/services/T000/B000/XYZ").willReturn(aResponse().withStatus(200).withBody("ok")));
        env.put("SLACK_WEBHOOK_SECRET_NAME", "autoremediate/slack");

        List<NotificationChannel> channels = wiring().notificationChannels();
        channels.get(0).deliver(new Notice(NoticeKind.ESCALATION, "arn", null, "title", "body", Map.of()));

        assertThat(channels).extracting(NotificationChannel::name).containsExactly("slack");
        aws.verify(postRequestedFor(urlEqualTo("/services/T000/B000/XYZ")));
    }

    @Test
    void pagerDutyKeyIsReadFromParameterStoreWithDecryption() {
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(equalToJson("{\"Name\": \"/autoremediate/pagerduty\", \"WithDecryption\": true}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Parameter\": {\"Name\": \"/autoremediate/pagerduty\", \"Type\": \"SecureString\","
                                + " \"Value\": \"0123456789abcdef0123456789abcdef\"}}")));
        env.put("SECRET_STORE", "ssm");
        env.put("PAGERDUTY_ROUTING_KEY_SECRET_NAME", "/autoremediate/pagerduty");

        assertThat(wiring().notificationChannels()).extracting(NotificationChannel::name).containsExactly("pagerduty");
    }

    @Test
    void anUnreadableSecretIsRefusedNamingTheSecretAndThePermission() {
        aws.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\": \"AccessDeniedException\", \"message\": \"not allowed\"}")));
        env.put("SLACK_WEBHOOK_SECRET_NAME", "autoremediate/slack");

        assertThatThrownBy(() -> wiring().notificationChannels())
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("secret 'autoremediate/slack'")
                .hasMessageContaining("secretsmanager:GetSecretValue");
    }

    @Test
    void anUnknownSecretStoreIsAClearError() {
        env.put("SECRET_STORE", "vault");
        env.put("ITSM_TOKEN_SECRET_NAME", "x");
        env.put("ITSM_WEBHOOK_URL", "https://itsm.example/hook");

        assertThatThrownBy(() -> wiring().notificationChannels()).hasMessageContaining("SECRET_STORE must be");
    }
}

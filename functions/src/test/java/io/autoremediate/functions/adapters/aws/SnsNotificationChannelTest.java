package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SNS speaks the AWS query protocol: a form-encoded POST / answered with XML. */
class SnsNotificationChannelTest {

    @RegisterExtension
    static WireMockExtension sns = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:autoremediate-escalations";

    private final SnsNotificationChannel channel = new SnsNotificationChannel(SdkClients.sns(sns.baseUrl()), TOPIC);

    @Test
    void publishSendsSubjectAndBodyToTheTopicAndReturnsTheMessageId() throws Exception {
        sns.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("""
                        <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
                          <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
                          <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
                        </PublishResponse>""")));

        String receipt = channel.deliver(notice("Escalated: cpu-high on i-0abc", "what happened\nand why"));

        assertThat(receipt).isEqualTo("567910cd-659e-55d4-8ccb-5aaf14679dc0");
        Map<String, String> form = sentForm();
        assertThat(form).containsEntry("Action", "Publish")
                .containsEntry("TopicArn", TOPIC)
                .containsEntry("Subject", "Escalated: cpu-high on i-0abc")
                .containsEntry("Message", "what happened\nand why");
    }

    @Test
    void subjectIsOneLineOfAtMostOneHundredCharacters() {
        String subject = SnsNotificationChannel.subject("line one\r\nline two\t" + "x".repeat(200));

        assertThat(subject).hasSizeLessThanOrEqualTo(100).startsWith("line one line two x").endsWith("...")
                .doesNotContain("\n", "\r", "\t");
    }

    @Test
    void blankTitleStillGivesASubject() {
        assertThat(SnsNotificationChannel.subject(" \n ")).isEqualTo("autoremediate notice");
    }

    @Test
    void authorizationErrorFailsDeliveryNamingThePermission() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(queryError(403, "AuthorizationError",
                "User: arn:aws:sts::123456789012:assumed-role/fn is not authorized to perform: SNS:Publish")));

        assertThatThrownBy(() -> channel.deliver(notice("t", "b")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("SNS Publish on topic " + TOPIC)
                .hasMessageContaining("allows sns:Publish")
                .hasCauseInstanceOf(DependencyRefusedException.class);
    }

    @Test
    void throttledPublishFailsDeliveryWithAnUnavailableCause() {
        sns.stubFor(post(urlEqualTo("/")).willReturn(queryError(400, "Throttling", "Rate exceeded")));

        assertThatThrownBy(() -> channel.deliver(notice("t", "b")))
                .isInstanceOf(NotificationFailedException.class)
                .hasCauseInstanceOf(DependencyUnavailableException.class);
    }

    private static Notice notice(String title, String body) {
        return new Notice(NoticeKind.ESCALATION, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high",
                null, title, body, Map.of());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder queryError(
            int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
                  <Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
                </ErrorResponse>""".formatted(code, message));
    }

    private static Map<String, String> sentForm() {
        var requests = sns.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(1);
        Map<String, String> form = new HashMap<>();
        for (String pair : requests.get(0).getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}

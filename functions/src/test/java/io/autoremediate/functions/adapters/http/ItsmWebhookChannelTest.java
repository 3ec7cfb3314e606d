package io.autoremediate.functions.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.TestJson;
import io.autoremediate.functions.notify.Notice;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.functions.notify.NotificationFailedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ItsmWebhookChannelTest {

    @RegisterExtension
    static WireMockExtension itsm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PATH = "/api/incidents";
    private static final String TOKEN = "itsm-token-0123456789";

    @Test
    void postsTheWholeNoticeWithTheBearerToken() throws Exception {
        itsm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201)));

        String receipt = channel(TOKEN).deliver(notice());

        assertThat(receipt).isEqualTo("HTTP 201");
        itsm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        JsonNode sent = TestJson.MAPPER.readTree(itsm.findAll(postRequestedFor(urlEqualTo(PATH))).get(0).getBodyAsString());
        assertThat(sent.path("kind").asText()).isEqualTo("ESCALATION");
        assertThat(sent.path("dedupKey").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu");
        assertThat(sent.path("source").asText()).isEqualTo("autoremediate");
        assertThat(sent.path("title").asText()).isEqualTo("Escalated: cpu");
        assertThat(sent.path("body").asText()).isEqualTo("body");
        assertThat(sent.path("facts").path("Instance").asText()).isEqualTo("i-0abc");
    }

    @Test
    void withoutATokenNoAuthorizationHeaderIsSent() throws Exception {
        itsm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));

        channel(null).deliver(notice());

        itsm.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void rejectionFailsWithoutRepeatingTheToken() {
        itsm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withBody("bad credentials: Bearer " + TOKEN)));

        assertThatThrownBy(() -> channel(TOKEN).deliver(notice()))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("itsm:")
                .hasMessageContaining("HTTP 401")
                .hasMessageNotContaining(TOKEN);
    }

    private static ItsmWebhookChannel channel(String token) {
        return new ItsmWebhookChannel(new JsonPoster(HttpClient.newHttpClient(), "itsm", new RecordingSleeper(),
                ZonedDateTime::now), URI.create(itsm.baseUrl() + PATH), token);
    }

    private static Notice notice() {
        return new Notice(NoticeKind.ESCALATION, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu", null,
                "Escalated: cpu", "body", Map.of("Instance", "i-0abc"));
    }
}

package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

    @RegisterExtension
    static WireMockExtension endpoint = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void endpointOverrideAndRegionFromTheEnvironmentReachTheClients() {
        endpoint.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"Command\": {\"CommandId\": \"c-1\"}}")));
        AwsClients clients = new AwsClients(Map.of("AWS_REGION", "eu-west-1",
                AwsClients.ENDPOINT_VARIABLE, endpoint.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")));

        clients.ssm().sendCommand(b -> b.documentName("AWS-RunShellScript").instanceIds("i-1"));

        assertThat(clients.region()).isEqualTo(Region.EU_WEST_1);
        endpoint.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.SendCommand"))
                .withHeader("Authorization", containing("/eu-west-1/ssm/aws4_request")));
    }

    @Test
    void eachClientIsBuiltOnce() {
        AwsClients clients = new AwsClients(Map.of("AWS_REGION", "us-east-1"));

        assertThat(clients.s3()).isSameAs(clients.s3());
        assertThat(clients.sns()).isSameAs(clients.sns());
        assertThat(clients.sfn()).isSameAs(clients.sfn());
        assertThat(clients.endpoint()).isNull();
    }

    @Test
    void missingRegionNamesTheVariable() {
        assertThatThrownBy(() -> new AwsClients(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
    }
}

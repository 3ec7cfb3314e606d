package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
    void withoutKeyVariablesAsUnderSnapStartTheClientsSignWithTheContainerCredentials() {
        endpoint.stubFor(get(urlEqualTo("/credentials")).withHeader("Authorization", equalTo("container-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"AccessKeyId\": \"ASIACONTAINER\", \"SecretAccessKey\": \"secret\","
                                + " \"Token\": \"session\", \"Expiration\": \"2099-01-01T00:00:00Z\"}")));
        endpoint.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"Command\": {\"CommandId\": \"c-1\"}}")));
        // The SDK reads the endpoint and its token from these system properties before the variables Lambda sets.
        System.setProperty("aws.containerCredentialsFullUri", endpoint.baseUrl() + "/credentials");
        System.setProperty("aws.containerAuthorizationToken", "container-token");
        try {
            AwsClients clients = new AwsClients(Map.of("AWS_REGION", "eu-west-1",
                    AwsClients.ENDPOINT_VARIABLE, endpoint.baseUrl()));

            clients.ssm().sendCommand(b -> b.documentName("AWS-RunShellScript").instanceIds("i-1"));
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }

        endpoint.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", containing("Credential=ASIACONTAINER/"))
                .withHeader("X-Amz-Security-Token", equalTo("session")));
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

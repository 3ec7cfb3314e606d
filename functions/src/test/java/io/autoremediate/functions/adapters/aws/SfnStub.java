package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.TestJson;
import java.io.IOException;
import java.util.List;

/**
 * Step Functions speaks AWS JSON 1.0: POST / with {@code X-Amz-Target: AWSStepFunctions.<Operation>};
 * errors are 400s whose {@code __type} is the shape name, as the service sends it with a namespace prefix.
 */
final class SfnStub {

    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:remediation";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private SfnStub() {
    }

    static MappingBuilder call(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation));
    }

    static ResponseDefinitionBuilder answer(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE)
                .withHeader("x-amzn-RequestId", "req-1").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                .withHeader("x-amzn-RequestId", "req-1")
                .withBody("{\"__type\": \"com.amazonaws.swf.service.v2.model#" + type + "\", \"message\": "
                        + TestJson.write(message) + "}");
    }

    static List<JsonNode> sentBodies(WireMockExtension server, String operation) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation)))
                .stream().map(request -> read(request.getBodyAsString())).toList();
    }

    static JsonNode sentBody(WireMockExtension server, String operation) {
        List<JsonNode> bodies = sentBodies(server, operation);
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    private static JsonNode read(String body) {
        try {
            return TestJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

package io.autoremediate.tests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.HistoryEvent;
import io.autoremediate.functions.adapters.aws.AwsClients;
import io.autoremediate.functions.adapters.aws.S3RunbookStore;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.notify.NoticeKind;
import io.autoremediate.local.runtime.RemediationOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A dependency that stays down, end to end: the real S3 runbook store, its real SDK client answered by a stub
 * S3 that fails every request with 500 InternalError, under the real definition and handlers. The adapter
 * turns the failure into {@link DependencyUnavailableException}, the handler's error reaches the engine under
 * that class name, the definition's Retry rule matches it by that name, and when the retries run out the
 * incident escalates saying which call failed.
 */
class DependencyOutageTest {

    /** The definition's Retry rule for the class: MaxAttempts 5, so six attempts in all. */
    private static final int STATE_MACHINE_ATTEMPTS = 6;

    /** Inside each of those, the SDK's default (legacy) retry mode tries the call four times before giving up. */
    private static final int SDK_ATTEMPTS_PER_CALL = 4;

    private static final String BUCKET = "runbooks-bucket";
    private static final String OBJECT = "/" + BUCKET + "/runbooks/webapp-uptime.sh";

    @RegisterExtension
    static WireMockExtension s3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    @Test
    void runbookStoreThatStaysUnavailableIsRetriedFiveTimesThenEscalates() throws Exception {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                        + "<Message>We encountered an internal error. Please try again.</Message>"
                        + "<RequestId>4442587FB7D0A2F9</RequestId></Error>")));
        AwsClients aws = new AwsClients(Map.of(AwsClients.REGION_VARIABLE, "us-east-1",
                AwsClients.ENDPOINT_VARIABLE, s3.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

        ExecutionResult result;
        try (S3Client client = aws.s3();
             Workflow workflow = Workflow.withRunbookStore(dir, new S3RunbookStore(client, BUCKET, "runbooks/"))) {
            result = workflow.handle(Workflow.fixture("single-metric-alarm.json"));

            assertThat(workflow.sent).as("commands sent").isEmpty();
            assertThat(workflow.notices).singleElement().satisfies(notice -> {
                assertThat(notice.kind()).isEqualTo(NoticeKind.ESCALATION);
                assertThat(notice.body()).contains("S3 GetObject on s3://" + BUCKET + "/runbooks/webapp-uptime.sh");
            });
        }

        List<HistoryEvent> resolveCalls = result.history().stream()
                .filter(event -> "ResolveScript".equals(event.stateName())).toList();
        assertThat(resolveCalls).filteredOn(event -> event.type().equals("LambdaFunctionScheduled"))
                .hasSize(STATE_MACHINE_ATTEMPTS);
        assertThat(resolveCalls).filteredOn(event -> event.type().equals("LambdaFunctionFailed"))
                .hasSize(STATE_MACHINE_ATTEMPTS)
                .allSatisfy(event -> assertThat(event.details().path("error").asText())
                        .isEqualTo(DependencyUnavailableException.class.getName()));
        assertThat(result.history()).filteredOn(event -> event.type().equals("TaskStateEntered"))
                .extracting(HistoryEvent::stateName).containsExactly("ResolveScript", "Escalate");
        assertThat(s3.findAll(anyRequestedFor(anyUrl())))
                .hasSize(STATE_MACHINE_ATTEMPTS * SDK_ATTEMPTS_PER_CALL)
                .hasSameSizeAs(s3.findAll(getRequestedFor(urlEqualTo(OBJECT))));

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(RemediationOutcome.of(result)).isEqualTo(RemediationOutcome.ESCALATED);
        assertThat(result.error()).isEqualTo("Remediation.Escalated");
        assertThat(result.cause()).isEqualTo("step failed with " + DependencyUnavailableException.class.getName()
                + ": S3 GetObject on s3://" + BUCKET + "/runbooks/webapp-uptime.sh is unavailable for now"
                + " (InternalError, HTTP 500: We encountered an internal error. Please try again.); it is retried");
    }
}

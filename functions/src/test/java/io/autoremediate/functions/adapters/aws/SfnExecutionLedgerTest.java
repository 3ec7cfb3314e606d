package io.autoremediate.functions.adapters.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.autoremediate.functions.adapters.aws.SfnStub.STATE_MACHINE_ARN;
import static io.autoremediate.functions.adapters.aws.SfnStub.answer;
import static io.autoremediate.functions.adapters.aws.SfnStub.call;
import static io.autoremediate.functions.adapters.aws.SfnStub.error;
import static io.autoremediate.functions.adapters.aws.SfnStub.sentBodies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.autoremediate.functions.TestJson;
import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.errors.DependencyUnavailableException;
import io.autoremediate.functions.guard.ExecutionEntry.ExecutionState;
import io.autoremediate.functions.guard.ExecutionEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SfnExecutionLedgerTest {

    @RegisterExtension
    static WireMockExtension sfn = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

    private final SfnExecutionLedger ledger = new SfnExecutionLedger(SdkClients.sfn(sfn.baseUrl()), STATE_MACHINE_ARN,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void runningAsksForRunningExecutionsOnlyAndReadsEveryPage() {
        stubPage(null, "RUNNING", "page-2", execution("a", "RUNNING", NOW.minusSeconds(10)),
                execution("b", "RUNNING", NOW.minusSeconds(20)));
        stubPage("page-2", "RUNNING", null, execution("c", "RUNNING", NOW.minusSeconds(30)));

        List<ExecutionEntry> running = ledger.running();

        assertThat(running).containsExactly(
                new ExecutionEntry("a", ExecutionState.RUNNING, NOW.minusSeconds(10)),
                new ExecutionEntry("b", ExecutionState.RUNNING, NOW.minusSeconds(20)),
                new ExecutionEntry("c", ExecutionState.RUNNING, NOW.minusSeconds(30)));
        List<JsonNode> sent = sentBodies(sfn, "ListExecutions");
        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(body -> {
            assertThat(body.path("stateMachineArn").asText()).isEqualTo(STATE_MACHINE_ARN);
            assertThat(body.path("statusFilter").asText()).isEqualTo("RUNNING");
            assertThat(body.path("maxResults").asInt()).isEqualTo(1000);
        });
        assertThat(sent.get(0).has("nextToken")).isFalse();
        assertThat(sent.get(1).path("nextToken").asText()).isEqualTo("page-2");
    }

    @Test
    void startedSinceListsEveryStatusAndStopsPagingAtTheFirstOlderExecution() {
        Instant since = NOW.minus(Duration.ofHours(1));
        stubPage(null, null, "page-2", execution("new", "RUNNING", NOW.minusSeconds(5)),
                execution("done", "SUCCEEDED", NOW.minusSeconds(600)));
        stubPage("page-2", null, "page-3", execution("failed", "FAILED", since),
                execution("too-old", "SUCCEEDED", since.minusMillis(1)),
                execution("older", "ABORTED", since.minusSeconds(60)));
        stubPage("page-3", null, null, execution("never-read", "SUCCEEDED", since.minusSeconds(3600)));

        List<ExecutionEntry> started = ledger.startedSince(since);

        assertThat(started).containsExactly(
                new ExecutionEntry("new", ExecutionState.RUNNING, NOW.minusSeconds(5)),
                new ExecutionEntry("done", ExecutionState.ENDED, NOW.minusSeconds(600)),
                new ExecutionEntry("failed", ExecutionState.ENDED, since));
        List<JsonNode> sent = sentBodies(sfn, "ListExecutions");
        assertThat(sent).hasSize(2);
        assertThat(sent).noneMatch(body -> body.has("statusFilter"));
    }

    @ParameterizedTest
    @CsvSource({"RUNNING, RUNNING", "PENDING_REDRIVE, RUNNING", "SUCCEEDED, ENDED", "FAILED, ENDED",
            "TIMED_OUT, ENDED", "ABORTED, ENDED", "SOME_FUTURE_STATUS, ENDED"})
    void everyStatusIsMappedToRunningOrEnded(String status, ExecutionState expected) {
        stubPage(null, null, null, execution("x", status, NOW));

        assertThat(ledger.startedSince(NOW.minusSeconds(1))).extracting(ExecutionEntry::state).containsExactly(expected);
    }

    @Test
    void moreRunningExecutionsThanTheBoundIsRefusedRatherThanAnsweredInPart() {
        for (int page = 0; page < SfnExecutionLedger.MAX_PAGES; page++) {
            stubPage(page == 0 ? null : "t" + page, "RUNNING", "t" + (page + 1),
                    execution("e" + page, "RUNNING", NOW.minusSeconds(page)));
        }

        assertThatThrownBy(ledger::running)
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("ListExecutions on state machine " + STATE_MACHINE_ARN)
                .hasMessageContaining("10 pages of up to 1000")
                .hasMessageContaining("partial list");
        assertThat(sentBodies(sfn, "ListExecutions")).hasSize(SfnExecutionLedger.MAX_PAGES);
    }

    @Test
    void pagingThatOutlastsItsTimeBudgetIsRefused() {
        Clock slow = new Clock() {
            private Instant now = NOW;

            @Override
            public Instant instant() {
                Instant current = now;
                now = now.plusSeconds(20);
                return current;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        SfnExecutionLedger slowLedger = new SfnExecutionLedger(SdkClients.sfn(sfn.baseUrl()), STATE_MACHINE_ARN, slow);
        stubPage(null, "RUNNING", "t1", execution("a", "RUNNING", NOW));
        stubPage("t1", "RUNNING", "t2", execution("b", "RUNNING", NOW));
        stubPage("t2", "RUNNING", null, execution("c", "RUNNING", NOW));

        assertThatThrownBy(slowLedger::running).isInstanceOf(DependencyRefusedException.class);
        assertThat(sentBodies(sfn, "ListExecutions")).hasSize(2);
    }

    @Test
    void noExecutionsIsAnEmptyList() {
        stubPage(null, "RUNNING", null);

        assertThat(ledger.running()).isEmpty();
    }

    @Test
    void throttledListingIsUnavailable() {
        sfn.stubFor(call("ListExecutions").willReturn(error(400, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(ledger::running)
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("ThrottlingException");
    }

    @Test
    void accessDeniedIsRefusedNamingThePermission() {
        sfn.stubFor(call("ListExecutions").willReturn(error(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/guard/fn is not authorized to perform: "
                        + "states:ListExecutions on resource: " + STATE_MACHINE_ARN)));

        assertThatThrownBy(() -> ledger.startedSince(NOW))
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("allows states:ListExecutions on state machine " + STATE_MACHINE_ARN);
    }

    @Test
    void expressStateMachineIsRefusedSayingItMustBeStandard() {
        sfn.stubFor(call("ListExecutions").willReturn(error(400, "StateMachineTypeNotSupported",
                "This operation is not supported by this type of state machine")));

        assertThatThrownBy(ledger::running)
                .isInstanceOf(DependencyRefusedException.class)
                .hasMessageContaining("STANDARD");
    }

    private static void stubPage(String token, String statusFilter, String nextToken, Map<?, ?>... executions) {
        var request = call("ListExecutions").withRequestBody(token == null
                ? WireMock.not(matchingJsonPath("$.nextToken"))
                : matchingJsonPath("$.nextToken", WireMock.equalTo(token)));
        if (statusFilter != null) {
            request = request.withRequestBody(matchingJsonPath("$.statusFilter", WireMock.equalTo(statusFilter)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executions", List.of(executions));
        if (nextToken != null) {
            body.put("nextToken", nextToken);
        }
        sfn.stubFor(request.willReturn(answer(TestJson.write(body))));
    }

    /** An ExecutionListItem as the service writes it: dates are epoch seconds with a fraction. */
    private static Map<String, Object> execution(String name, String status, Instant startDate) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("executionArn", "arn:aws:states:us-east-1:123456789012:execution:remediation:" + name);
        item.put("stateMachineArn", STATE_MACHINE_ARN);
        item.put("name", name);
        item.put("status", status);
        item.put("startDate", new BigDecimal(startDate.getEpochSecond() + "."
                + String.format("%03d", startDate.getNano() / 1_000_000)));
        if (!"RUNNING".equals(status)) {
            item.put("stopDate", new BigDecimal(startDate.getEpochSecond() + 1));
        }
        return item;
    }
}

package io.autoremediate.functions.adapters.aws;

import io.autoremediate.functions.errors.DependencyRefusedException;
import io.autoremediate.functions.guard.ExecutionEntry.ExecutionState;
import io.autoremediate.functions.guard.ExecutionEntry;
import io.autoremediate.functions.guard.ExecutionLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * The remediation state machine's executions, read with Step Functions ListExecutions (newest first, up to
 * 1,000 a page). ListExecutions is eventually consistent: an execution started a moment ago may be missing.
 *
 * <p>Paging is bounded ({@value #MAX_PAGES} pages of {@value #PAGE_SIZE}, and {@link #PAGING_BUDGET} of
 * wall-clock time) so a storm cannot keep the guard's Lambda paging until it times out. Past the bound the
 * ledger refuses instead of answering with part of the list: a partial list could hide the remediation
 * already running on an instance, and then the guard would let a second one start beside it.
 */
public final class SfnExecutionLedger implements ExecutionLedger {

    static final int PAGE_SIZE = 1_000;
    static final int MAX_PAGES = 10;
    static final Duration PAGING_BUDGET = Duration.ofSeconds(30);
    private static final String PERMISSION = "states:ListExecutions";

    private final SfnClient sfn;
    private final StateMachineArn stateMachine;
    private final Clock clock;

    public SfnExecutionLedger(SfnClient sfn, String stateMachineArn, Clock clock) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.stateMachine = StateMachineArn.parse(stateMachineArn);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<ExecutionEntry> running() {
        ListExecutionsRequest request = ListExecutionsRequest.builder()
                .stateMachineArn(stateMachine.arn())
                .statusFilter(ExecutionStatus.RUNNING)
                .maxResults(PAGE_SIZE)
                .build();
        List<ExecutionEntry> entries = new ArrayList<>();
        page(request, "running executions", next -> sfn.listExecutions(next), item -> {
            entries.add(entry(item));
            return true;
        });
        return entries;
    }

    @Override
    public List<ExecutionEntry> startedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        ListExecutionsRequest request = ListExecutionsRequest.builder()
                .stateMachineArn(stateMachine.arn())
                .maxResults(PAGE_SIZE)
                .build();
        List<ExecutionEntry> entries = new ArrayList<>();
        page(request, "executions started since " + since, next -> sfn.listExecutions(next), item -> {
            if (item.startDate() == null || item.startDate().isBefore(since)) {
                // Newest first: everything after this one started earlier still.
                return false;
            }
            entries.add(entry(item));
            return true;
        });
        return entries;
    }

    /**
     * Feeds each listed execution to {@code wanted} until it answers false or the list ends. The public methods
     * pass the SDK call in, so that each names the AWS call it makes (the deploy checks read IAM actions there).
     */
    private void page(ListExecutionsRequest first, String what,
            Function<ListExecutionsRequest, ListExecutionsResponse> listExecutions, Predicate<ExecutionListItem> wanted) {
        Instant deadline = clock.instant().plus(PAGING_BUDGET);
        ListExecutionsRequest request = first;
        for (int pages = 1; ; pages++) {
            ListExecutionsResponse response = list(request, listExecutions);
            for (ExecutionListItem item : response.executions()) {
                if (!wanted.test(item)) {
                    return;
                }
            }
            String next = response.nextToken();
            if (next == null || next.isEmpty()) {
                return;
            }
            if (pages >= MAX_PAGES || !clock.instant().isBefore(deadline)) {
                throw new DependencyRefusedException("Step Functions ListExecutions on state machine " + stateMachine
                        + ": more " + what + " than the guard reads (" + pages + " pages of up to " + PAGE_SIZE
                        + " within " + PAGING_BUDGET.toSeconds() + " s); it will not decide on a partial list. "
                        + "Check for an alarm storm and whether auto-remediation should be paused", null);
            }
            request = request.toBuilder().nextToken(next).build();
        }
    }

    private ListExecutionsResponse list(ListExecutionsRequest request,
            Function<ListExecutionsRequest, ListExecutionsResponse> listExecutions) {
        try {
            return listExecutions.apply(request);
        } catch (SdkException e) {
            AwsCall call = AwsCall.of("Step Functions", "ListExecutions", "state machine " + stateMachine, PERMISSION)
                    .withHint("StateMachineDoesNotExist", "the state machine does not exist (or is in another "
                            + "region or account); check STATE_MACHINE_ARN")
                    .withHint("InvalidArn", "check STATE_MACHINE_ARN")
                    .withHint("StateMachineTypeNotSupported", "ListExecutions does not list EXPRESS state "
                            + "machines; the remediation state machine must be STANDARD");
            throw AwsFailures.translate(call, e);
        }
    }

    /** PENDING_REDRIVE counts as running: the execution is about to carry on where it failed. */
    static ExecutionState state(ExecutionStatus status) {
        return status == ExecutionStatus.RUNNING || status == ExecutionStatus.PENDING_REDRIVE
                ? ExecutionState.RUNNING
                : ExecutionState.ENDED;
    }

    private static ExecutionEntry entry(ExecutionListItem item) {
        return new ExecutionEntry(item.name(), state(item.status()), item.startDate());
    }
}

package io.autoremediate.functions.handlers;

import io.autoremediate.functions.guard.ExecutionLedger;
import io.autoremediate.functions.guard.GuardRequest;
import io.autoremediate.functions.guard.GuardVerdict;
import io.autoremediate.functions.guard.RemediationGuard;
import io.autoremediate.functions.wiring.AwsAdapters;

/** Before sending: is another remediation in flight on this instance, or is this alarm flapping? */
public final class GuardHandler extends JsonHandler<GuardRequest, GuardVerdict> {

    private final RemediationGuard guard;

    public GuardHandler() {
        this(AwsAdapters.executionLedger());
    }

    public GuardHandler(ExecutionLedger ledger) {
        super(object(GuardRequest::fromJson), GuardVerdict::toJson);
        this.guard = new RemediationGuard(ledger);
    }

    @Override
    public GuardVerdict handle(GuardRequest request) {
        return guard.check(request);
    }
}

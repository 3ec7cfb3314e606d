package io.autoremediate.functions.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.incident.AlarmEventParser;
import io.autoremediate.functions.resolve.Resolution;
import io.autoremediate.functions.resolve.RunbookPolicy;
import io.autoremediate.functions.resolve.RunbookResolver;
import io.autoremediate.functions.runbook.RunbookStore;
import io.autoremediate.functions.wiring.AwsAdapters;

/** Step 1: reads the alarm event and finds its runbook, or says why there is nothing to run. */
public final class ResolveScriptHandler extends JsonHandler<ResolveScriptHandler.Input, Resolution> {

    /** @param event the EventBridge alarm state change event, as delivered */
    public record Input(JsonNode event) {
    }

    private final AlarmEventParser parser = new AlarmEventParser();
    private final RunbookResolver resolver;

    /** {@code RUNBOOK_ALLOWED_SHA256}: optional hashes of the only runbooks that may run. */
    public ResolveScriptHandler() {
        this(AwsAdapters.runbookStore(), RunbookPolicy.withAllowList(System.getenv("RUNBOOK_ALLOWED_SHA256")));
    }

    public ResolveScriptHandler(RunbookStore store) {
        this(store, RunbookPolicy.trustingTheStore());
    }

    public ResolveScriptHandler(RunbookStore store, RunbookPolicy policy) {
        super(object(fields -> new Input(fields.node("event"))), Resolution::toJson);
        this.resolver = new RunbookResolver(store, policy);
    }

    @Override
    public Resolution handle(Input request) {
        return resolver.resolve(parser.parse(request.event()));
    }
}

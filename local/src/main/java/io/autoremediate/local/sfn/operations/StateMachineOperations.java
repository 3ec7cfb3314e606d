package io.autoremediate.local.sfn.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.sfn.protocol.AwsJsonRequest;
import io.autoremediate.local.sfn.protocol.Epoch;
import io.autoremediate.local.sfn.protocol.PageToken;
import io.autoremediate.local.sfn.protocol.SfnException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines and DeleteStateMachine,
 * kept in memory and, given a {@link StateMachineStore}, on disk. Only STANDARD workflows: the engine runs
 * their semantics.
 */
public final class StateMachineOperations {

    private final Arns arns;
    private final EngineClock clock;
    private final Map<String, StateMachineRecord> byArn = new LinkedHashMap<>();
    private final StateMachineStore store;
    private long sequence;

    /** State machines in memory only. */
    public StateMachineOperations(Arns arns, EngineClock clock) {
        this.arns = arns;
        this.clock = clock;
        this.store = null;
    }

    /** State machines saved in {@code store}; those it holds come back, {@code problems} hears what did not. */
    public StateMachineOperations(Arns arns, EngineClock clock, StateMachineStore store,
                                  Consumer<String> problems) {
        this.arns = arns;
        this.clock = clock;
        this.store = Objects.requireNonNull(store, "store");
        for (StateMachineRecord record : store.load(problems)) {
            byArn.put(record.arn(), record);
            sequence = Math.max(sequence, record.sequence());
        }
    }

    private void save(StateMachineRecord record) {
        if (store != null) {
            store.save(record);
        }
    }

    /** CreateStateMachine; idempotent when everything but tags matches an existing one, as in AWS. */
    public synchronized ObjectNode create(AwsJsonRequest request) {
        String name = Names.require("state machine", request.requiredString("name"));
        String definitionText = request.requiredString("definition");
        String roleArn = request.requiredString("roleArn");
        String type = request.string("type").orElse("STANDARD");
        requireType(type);
        Arns.requireRole(roleArn);
        StateMachineDefinition definition = Definitions.parseRunnable(definitionText);
        String arn = arns.stateMachine(name);
        StateMachineRecord existing = byArn.get(arn);
        if (existing != null) {
            if (!existing.definitionText().equals(definitionText) || !existing.roleArn().equals(roleArn)
                    || !existing.type().equals(type)) {
                throw new SfnException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
            }
            return created(existing);
        }
        StateMachineRecord record = new StateMachineRecord(++sequence, arn, name, definitionText, definition, roleArn,
                type, clock.now(), UUID.randomUUID().toString());
        save(record);
        byArn.put(arn, record);
        return created(record);
    }

    private static ObjectNode created(StateMachineRecord record) {
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("stateMachineArn", record.arn());
        answer.put("creationDate", Epoch.seconds(record.creationDate()));
        return answer;
    }

    private static void requireType(String type) {
        if (type.equals("EXPRESS")) {
            throw new SfnException("StateMachineTypeNotSupported", "EXPRESS state machines are not supported by"
                    + " the local server; create a STANDARD one (the engine runs Standard workflow semantics)");
        }
        if (!type.equals("STANDARD")) {
            throw SfnException.validation("type", type, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
    }

    /** UpdateStateMachine: a new definition and/or role; running executions keep the one they started with. */
    public synchronized ObjectNode update(AwsJsonRequest request) {
        StateMachineRecord record = require(request.requiredString("stateMachineArn"));
        String definitionText = request.string("definition").orElse(null);
        String roleArn = request.string("roleArn").orElse(null);
        if (definitionText == null && roleArn == null) {
            throw new SfnException("MissingRequiredParameter",
                    "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration"
                            + " must be specified");
        }
        if (roleArn != null) {
            Arns.requireRole(roleArn);
        }
        StateMachineDefinition definition = definitionText == null ? record.definition()
                : Definitions.parseRunnable(definitionText);
        StateMachineRecord updated = record.updated(definitionText == null ? record.definitionText() : definitionText,
                definition, roleArn == null ? record.roleArn() : roleArn, UUID.randomUUID().toString());
        save(updated);
        byArn.put(updated.arn(), updated);
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("updateDate", Epoch.seconds(clock.now()));
        answer.put("revisionId", updated.revisionId());
        return answer;
    }

    public synchronized ObjectNode describe(AwsJsonRequest request) {
        StateMachineRecord record = require(request.requiredString("stateMachineArn"));
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        answer.put("stateMachineArn", record.arn());
        answer.put("name", record.name());
        answer.put("status", "ACTIVE");
        answer.put("definition", record.definitionText());
        answer.put("roleArn", record.roleArn());
        answer.put("type", record.type());
        answer.put("creationDate", Epoch.seconds(record.creationDate()));
        answer.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        answer.putObject("tracingConfiguration").put("enabled", false);
        answer.put("revisionId", record.revisionId());
        return answer;
    }

    /** ListStateMachines, in creation order, paged by maxResults and nextToken. */
    public synchronized ObjectNode list(AwsJsonRequest request) {
        int pageSize = PageToken.pageSize(request);
        long from = request.string("nextToken").map(token -> PageToken.decode("stateMachines", token)).orElse(0L);
        List<StateMachineRecord> remaining = new ArrayList<>();
        for (StateMachineRecord record : byArn.values()) {
            if (record.sequence() >= from) {
                remaining.add(record);
            }
        }
        ObjectNode answer = LocalJson.MAPPER.createObjectNode();
        ArrayNode items = answer.putArray("stateMachines");
        for (StateMachineRecord record : remaining.subList(0, Math.min(pageSize, remaining.size()))) {
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", record.arn());
            item.put("name", record.name());
            item.put("type", record.type());
            item.put("creationDate", Epoch.seconds(record.creationDate()));
        }
        if (remaining.size() > pageSize) {
            answer.put("nextToken", PageToken.encode("stateMachines", remaining.get(pageSize).sequence()));
        }
        return answer;
    }

    /**
     * DeleteStateMachine. Like AWS it succeeds for a state machine that does not exist; executions already
     * running go on to their end and stay readable.
     */
    public synchronized ObjectNode delete(AwsJsonRequest request) {
        String arn = request.requiredString("stateMachineArn");
        arns.stateMachineName(arn);
        StateMachineRecord removed = byArn.remove(arn);
        if (removed != null && store != null) {
            store.delete(removed.name());
        }
        return LocalJson.MAPPER.createObjectNode();
    }

    /** The state machine behind an ARN, or StateMachineDoesNotExist (InvalidArn when it is not one). */
    public synchronized StateMachineRecord require(String arn) {
        Objects.requireNonNull(arn, "arn");
        arns.stateMachineName(arn);
        StateMachineRecord record = byArn.get(arn);
        if (record == null) {
            throw new SfnException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return record;
    }
}

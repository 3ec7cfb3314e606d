package io.autoremediate.local.sfn.operations;

import io.autoremediate.engine.StateMachineDefinition;
import java.time.Instant;

/**
 * One state machine as CreateStateMachine or UpdateStateMachine left it. Executions take the definition
 * when they start, so an update never changes a running execution (as in Step Functions).
 *
 * @param sequence creation order, for stable ListStateMachines pages
 */
public record StateMachineRecord(long sequence, String arn, String name, String definitionText,
                                 StateMachineDefinition definition, String roleArn, String type,
                                 Instant creationDate, String revisionId) {

    StateMachineRecord updated(String newDefinitionText, StateMachineDefinition newDefinition, String newRoleArn,
                               String newRevisionId) {
        return new StateMachineRecord(sequence, arn, name, newDefinitionText, newDefinition, newRoleArn, type,
                creationDate, newRevisionId);
    }
}

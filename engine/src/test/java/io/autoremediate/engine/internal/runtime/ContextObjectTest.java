package io.autoremediate.engine.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionRequest;
import io.autoremediate.engine.ExecutionResult;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.StateMachineDefinition;
import io.autoremediate.engine.ExecutionRuntime;
import io.autoremediate.engine.OneShot;
import io.autoremediate.engine.VirtualClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The context object ({@code $$}) as a state's Parameters see it. */
class ContextObjectTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parametersSeeTheExecutionStateAndStateMachine() throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2024-05-01T10:00:00.123Z"));
        ExecutionRuntime.Builder engine = OneShot.runtime(new FunctionRegistry(), clock)
                .region("eu-west-1").account("111122223333").roleArn("arn:aws:iam::111122223333:role/sfn");
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"Nap","States":{
                  "Nap":{"Type":"Wait","Seconds":5,"Next":"Look"},
                  "Look":{"Type":"Pass","Parameters":{"context.$":"$$"},"OutputPath":"$.context","End":true}}}""");

        ExecutionResult result = OneShot.execute(engine, definition,
                new ExecutionRequest("remediation", "incident-42", JSON.readTree("{\"alarm\":\"cpu\"}")),
                ExecutionListener.NONE);

        JsonNode expected = JSON.readTree("""
                {"Execution":{"Id":"arn:aws:states:eu-west-1:111122223333:execution:remediation:incident-42",
                              "Input":{"alarm":"cpu"},"Name":"incident-42",
                              "RoleArn":"arn:aws:iam::111122223333:role/sfn",
                              "StartTime":"2024-05-01T10:00:00.123Z","RedriveCount":0},
                 "State":{"EnteredTime":"2024-05-01T10:00:05.123Z","Name":"Look","RetryCount":0},
                 "StateMachine":{"Id":"arn:aws:states:eu-west-1:111122223333:stateMachine:remediation",
                                 "Name":"remediation"}}""");
        assertThat(result.output()).isEqualTo(expected);
    }
}

package io.autoremediate.engine;

import static io.autoremediate.engine.Workflow.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The engine shares JSON values between states and its history instead of copying them, so values from outside
 * must be copied as they come in: what a caller or a function does to its own nodes afterwards changes nothing.
 */
class SharedValuesTest {

    private static final String COUNT_TO_TWO = """
            {"StartAt":"Count","States":{
              "Count":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:count",
                       "Next":"Enough"},
              "Enough":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":2,"Next":"Count"}],
                        "Default":"Done"},
              "Done":{"Type":"Succeed"}}}""";

    @Test
    void aFunctionChangingTheNodeItReturnedEarlierDoesNotRewriteTheHistory() {
        ObjectNode counter = Workflow.JSON.createObjectNode();
        Workflow flow = Workflow.of(COUNT_TO_TWO).bind("count", payload -> {
            counter.put("n", counter.path("n").asInt(-1) + 1);
            return counter;
        });

        ExecutionResult result = flow.run("{}");

        assertThat(result.history()).filteredOn(event -> event.type().equals("TaskStateExited"))
                .extracting(event -> event.details().get("output").asText())
                .containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
        assertThat(result.output()).isEqualTo(json("{\"n\":2}"));
    }

    @Test
    void theCallerChangingTheInputAfterStartingDoesNotReachTheExecution() {
        ObjectNode input = (ObjectNode) json("{\"n\":0}");
        ExecutionRequest request = new ExecutionRequest("remediation", "exec-1", input);
        input.put("n", 99);
        StateMachineDefinition definition = StateMachineDefinition.parse("""
                {"StartAt":"Look","States":{"Look":{"Type":"Pass","Parameters":{"seen.$":"$$.Execution.Input.n"},
                  "End":true}}}""");

        ExecutionResult result = OneShot.execute(new FunctionRegistry(), new VirtualClock(), definition, request, ExecutionListener.NONE);

        assertThat(result.output()).isEqualTo(json("{\"seen\":0}"));
    }
}

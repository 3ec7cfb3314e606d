package io.autoremediate.engine.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.ExecutionListener;
import io.autoremediate.engine.ExecutionStatus;
import io.autoremediate.engine.FunctionRegistry;
import io.autoremediate.engine.VirtualClock;
import io.autoremediate.engine.internal.states.DefinitionParser;
import io.autoremediate.engine.internal.definition.Problems;
import io.autoremediate.engine.internal.json.Json;
import io.autoremediate.engine.internal.states.StateGraph;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import io.autoremediate.engine.internal.context.EngineEnvironment;

/** An execution's position written as JSON reads back to the same position and runs on to the same end. */
class PositionCodecTest {
    private static final String NESTED = """
            {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"ItemProcessor":{"StartAt":"W",
                 "States":{"W":{"Type":"Wait","SecondsPath":"$","Next":"P"},
                           "P":{"Type":"Pass","Parameters":{"waited.$":"$"},"End":true}}},"End":true}}},
              {"StartAt":"Q","States":{"Q":{"Type":"Wait","Seconds":7,"Next":"R"},
                                       "R":{"Type":"Pass","Result":"r","End":true}}}]}}}""";

    private final VirtualClock clock = new VirtualClock();

    @Test
    void aPositionInsideNestedChildrenRoundTripsAndRunsOnToTheSameOutput() throws Exception {
        Problems problems = new Problems();
        StateGraph graph = DefinitionParser.parseGraph(Json.parse(NESTED), problems, Set.of()).orElseThrow();
        assertThat(problems.isEmpty()).isTrue();
        EngineEnvironment environment = new EngineEnvironment(new FunctionRegistry(), clock, new Random(1), "local",
                "000000000000", "arn:aws:iam::000000000000:role/r", 25_000);
        Execution original = Executions.start(environment, graph, null, "sm", "e", Json.parse("[5,3,9]"),
                ExecutionListener.NONE);
        while (original.wakeAt().isEmpty()) {
            original.advance();
        }

        ObjectNode written = PositionCodec.write(original.main());
        ExecutionThread read = PositionCodec.read(Json.parse(Json.write(written)), graph);

        assertThat(PositionCodec.write(read)).isEqualTo(written);
        assertThat(written.at("/fork/active/0/thread/fork/started").asInt()).isEqualTo(2);
        assertThat(read.wakeAt()).isEqualTo(original.wakeAt());

        Interpreter interpreter = new Interpreter(environment, original.interpreter().identity(),
                new HistoryLog(clock, ExecutionListener.NONE, 25_000, original.interpreter().history().events()),
                null);
        Execution restored = Execution.restore(interpreter, read, ExecutionStatus.RUNNING, null, null, null, null);
        JsonNode expected = runToEnd(original);
        assertThat(runToEnd(restored)).isEqualTo(expected);
        assertThat(expected.toString()).isEqualTo(
                "[[{\"waited\":5},{\"waited\":3},{\"waited\":9}],\"r\"]");
    }

    @Test
    void aDistributedMapsFailureCountSurvivesARestart() throws Exception {
        // One failure is tolerated (ToleratedFailureCount 1); the second, after a Wait, exceeds the threshold. A
        // position written between the two must remember the first, or the restored run would succeed.
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,"End":true,
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"W","States":{
                     "W":{"Type":"Wait","SecondsPath":"$","Next":"Bad"},
                     "Bad":{"Type":"Fail","Error":"Item.Bad","Cause":"bad"}}}}}}""";
        Problems problems = new Problems();
        StateGraph graph = DefinitionParser.parseGraph(Json.parse(definition), problems, Set.of()).orElseThrow();
        EngineEnvironment environment = new EngineEnvironment(new FunctionRegistry(), clock, new Random(1), "local",
                "000000000000", "arn:aws:iam::000000000000:role/r", 25_000);
        Execution original = Executions.start(environment, graph, null, "sm", "e", Json.parse("[0,5]"),
                ExecutionListener.NONE);
        while (original.wakeAt().isEmpty()) {
            original.advance();
        }
        ObjectNode written = PositionCodec.write(original.main());
        assertThat(written.at("/fork/failures").asInt()).isEqualTo(1);

        Interpreter interpreter = new Interpreter(environment, original.interpreter().identity(),
                new HistoryLog(clock, ExecutionListener.NONE, 25_000, original.interpreter().history().events()),
                null);
        Execution restored = Execution.restore(interpreter,
                PositionCodec.read(Json.parse(Json.write(written)), graph), ExecutionStatus.RUNNING, null, null, null,
                null);
        runToEnd(restored);

        assertThat(restored.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(restored.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    private JsonNode runToEnd(Execution execution) {
        while (!execution.isFinished()) {
            execution.wakeAt().ifPresent(clock::sleepUntil);
            execution.advance();
        }
        return execution.output();
    }
}

package io.autoremediate.engine;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoremediate.engine.functions.ExecutableFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link KilledRuntimeTest} kills: a runtime journaled to a directory, on the system clock,
 * whose Tasks run {@code record.sh} (each invocation appends a line to a counter file). With
 * {@code start N} it starts N executions and prints {@code all-parked} once every one waits; it always resumes
 * what the journal holds. When all have ended it writes {@code summary.json} (each execution's status and
 * history) and prints {@code all-complete}.
 *
 * <p>Arguments: JOURNAL_DIR WORK_DIR [start N]
 */
public final class DurableRuntimeMain {
    static final String DEFINITION = """
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:record",
                   "Parameters":{"key.$":"States.Format('{}/A', $$.Execution.Name)"},"ResultPath":"$.a","Next":"Pause"},
              "Pause":{"Type":"Wait","Seconds":3,"Next":"Fan"},
              "Fan":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ResultPath":"$.c",
                     "ItemSelector":{"item.$":"$$.Map.Item.Value"},
                     "ItemProcessor":{"StartAt":"C","States":{"C":{"Type":"Task",
                       "Resource":"arn:aws:lambda:local:000000000000:function:record",
                       "Parameters":{"key.$":"States.Format('{}/C{}', $$.Execution.Name, $.item)"},"End":true}}},
                     "Next":"D"},
              "D":{"Type":"Task","Resource":"arn:aws:lambda:local:000000000000:function:record",
                   "Parameters":{"key.$":"States.Format('{}/D', $$.Execution.Name)"},"ResultPath":"$.d","End":true}}}""";
    static final int THREADS = 4;

    private DurableRuntimeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path journal = Path.of(args[0]);
        Path work = Path.of(args[1]);
        FunctionRegistry functions = new FunctionRegistry()
                .bind("record", new ExecutableFunction(work.resolve("record.sh")));
        StateMachineDefinition definition = StateMachineDefinition.parse(DEFINITION);
        try (ExecutionRuntime runtime = ExecutionRuntime.builder(functions, EngineClock.system())
                .threads(THREADS).journal(journal).build()) {
            System.out.println("resumed " + runtime.resumedExecutions().size());
            if (args.length > 3 && args[2].equals("start")) {
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    runtime.start(definition, new ExecutionRequest("durable", "run-" + i,
                            Workflow.json("{\"items\":[1,2,3,4]}")));
                }
                int total = runtime.list().size();
                // Polled often: every execution waits only until the first one's Wait ends.
                await("all parked").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                        .until(() -> runtime.parkedCount() == total);
                System.out.println("all-parked");
            }
            for (ExecutionDescription execution : runtime.list()) {
                runtime.awaitCompletion(execution.executionArn(), Duration.ofMinutes(1));
            }
            ArrayNode summary = Workflow.JSON.createArrayNode();
            for (ExecutionDescription execution : runtime.list()) {
                ObjectNode one = summary.addObject();
                one.put("name", execution.name());
                one.put("status", execution.status().name());
                ArrayNode history = one.putArray("history");
                runtime.history(execution.executionArn()).forEach(event -> history.add(event.toJson()));
            }
            Files.writeString(work.resolve("summary.json"), summary.toString());
            System.out.println("all-complete");
        }
    }
}

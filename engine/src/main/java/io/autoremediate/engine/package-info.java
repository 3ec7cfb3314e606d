/**
 * An embedded Amazon States Language interpreter (JSONPath dialect) that runs state machines in process,
 * with Lambda functions bound by name and all time taken from an {@link io.autoremediate.engine.EngineClock}.
 *
 * <pre>{@code
 * StateMachineDefinition definition = StateMachineDefinition.parse(json);   // InvalidDefinitionException
 * FunctionRegistry functions = new FunctionRegistry()
 *         .bind("resolve-runbook", payload -> handler.handle(payload))
 *         .bind("check-alarm", new ExecutableFunction(Path.of("check-alarm.sh")));
 * StateMachineEngine engine = new StateMachineEngine(functions, EngineClock.system());
 * List<String> unbound = engine.unboundFunctions(definition);               // before running, if wanted
 * ExecutionResult result = engine.execute(definition,
 *         new ExecutionRequest("remediation", null, input), event -> print(event.toJson()));
 * }</pre>
 *
 * <p>{@link io.autoremediate.engine.ExecutionRuntime} runs many executions at once on a small pool, parks
 * waiting ones on a clock-driven timer, and with a journal directory resumes them after the process dies
 * (see engine/README.md).
 *
 * <p>Tasks on {@code arn:aws:states:::lambda:invoke.waitForTaskToken} wait for {@code sendTaskSuccess},
 * {@code sendTaskFailure} or {@code sendTaskHeartbeat} with their {@code $$.Task.Token}, on the engine or the
 * runtime; a {@link io.autoremediate.engine.TaskTokenListener} hears each token issued.
 *
 * <p>Code under {@code io.autoremediate.engine.internal} is not part of the public surface.
 */
package io.autoremediate.engine;

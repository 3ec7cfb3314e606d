/**
 * An embedded Amazon States Language interpreter (JSONPath dialect) that runs state machines in process,
 * with Lambda functions bound by name and all time taken from an {@link io.autoremediate.engine.EngineClock}.
 *
 * <pre>{@code
 * StateMachineDefinition definition = StateMachineDefinition.parse(json);   // InvalidDefinitionException
 * FunctionRegistry functions = new FunctionRegistry()
 *         .bind("resolve-runbook", payload -> handler.handle(payload))
 *         .bind("check-alarm", new ExecutableFunction(Path.of("check-alarm.sh")));
 * List<String> unbound = definition.unboundFunctions(functions);             // before running, if wanted
 * try (ExecutionRuntime runtime = ExecutionRuntime.builder(functions, EngineClock.system()).build()) {
 *     ExecutionResult result = runtime.execute(definition,
 *             new ExecutionRequest("remediation", null, input), event -> print(event.toJson()));
 * }
 * }</pre>
 *
 * <p>{@link io.autoremediate.engine.ExecutionRuntime} is the one driver: it runs many executions at once on a
 * small pool ({@code start}, {@code describe}, {@code list}, {@code stop}, {@code history}), parks waiting
 * ones on a clock-driven timer, and with a journal directory resumes them after the process dies (see
 * engine/README.md). {@code execute} is start-and-await on it.
 *
 * <p>Tasks on {@code arn:aws:states:::lambda:invoke.waitForTaskToken} wait for {@code sendTaskSuccess},
 * {@code sendTaskFailure} or {@code sendTaskHeartbeat} with their {@code $$.Task.Token}; a
 * {@link io.autoremediate.engine.TaskTokenListener} hears each token issued.
 *
 * <p>Code under {@code io.autoremediate.engine.internal} is not part of the public surface.
 */
package io.autoremediate.engine;

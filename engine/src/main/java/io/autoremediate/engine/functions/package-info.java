/** Ready-made {@link io.autoremediate.engine.LambdaFunction} bindings. */
package io.autoremediate.engine.functions;

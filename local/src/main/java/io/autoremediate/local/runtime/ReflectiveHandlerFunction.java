package io.autoremediate.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.engine.FunctionErrorException;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.local.json.LocalJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A Java handler on this classpath named by its handler string, called in process with the signatures the
 * Lambda Java runtime accepts: {@code (InputStream, OutputStream[, Context])} or {@code (Input[, Context])},
 * the input converted from the payload JSON to the parameter's declared type and the result back to JSON.
 * As in Lambda, the class is instantiated once, with its public no-argument constructor.
 */
public final class ReflectiveHandlerFunction implements LambdaFunction {

    private final String functionName;
    private final String functionArn;
    private final Object instance;
    private final Method method;
    private final Shape shape;
    /** The declared input type of an {@code (Input[, Context])} handler, or null for a stream handler. */
    private final JavaType inputType;

    private enum Shape { STREAM, STREAM_WITH_CONTEXT, INPUT, INPUT_WITH_CONTEXT }

    private ReflectiveHandlerFunction(String functionName, String functionArn, Object instance, Method method,
                                      Shape shape) {
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.instance = instance;
        this.method = method;
        this.shape = shape;
        this.inputType = shape == Shape.INPUT || shape == Shape.INPUT_WITH_CONTEXT
                ? LocalJson.MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[0]) : null;
    }

    /** @throws IllegalArgumentException saying what is missing: the class, its constructor or the method */
    public static ReflectiveHandlerFunction load(String functionName, String functionArn, LambdaHandlerString handler) {
        Class<?> type;
        try {
            type = Class.forName(handler.className(), true, ReflectiveHandlerFunction.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("handler " + handler + ": no class " + handler.className()
                    + " on the classpath");
        }
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(handler.methodName()) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> shapeOf(m) != null)
                .toList();
        if (candidates.size() != 1) {
            throw new IllegalArgumentException("handler " + handler + ": "
                    + (candidates.isEmpty() ? "no" : "more than one")
                    + " public method " + handler.methodName() + " taking (InputStream, OutputStream[, Context]) or"
                    + " (input[, Context])");
        }
        Method method = candidates.get(0);
        Object instance = null;
        if (!Modifier.isStatic(method.getModifiers())) {
            try {
                instance = type.getConstructor().newInstance();
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("handler " + handler + ": " + type.getName()
                        + " has no public no-argument constructor");
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("handler " + handler + ": its constructor failed: " + e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("handler " + handler + ": cannot create " + type.getName()
                        + ": " + e);
            }
        }
        return new ReflectiveHandlerFunction(functionName, functionArn, instance, method, shapeOf(method));
    }

    private static Shape shapeOf(Method method) {
        Class<?>[] params = method.getParameterTypes();
        boolean stream = params.length >= 2 && params[0] == InputStream.class && params[1] == OutputStream.class;
        if (stream && params.length == 2) {
            return Shape.STREAM;
        }
        if (stream && params.length == 3 && params[2] == Context.class) {
            return Shape.STREAM_WITH_CONTEXT;
        }
        if (params.length == 1 && params[0] != Context.class) {
            return Shape.INPUT;
        }
        if (params.length == 2 && params[1] == Context.class) {
            return Shape.INPUT_WITH_CONTEXT;
        }
        return null;
    }

    @Override
    public JsonNode invoke(JsonNode payload) throws FunctionErrorException {
        Context context = new LocalLambdaContext(functionName, functionArn);
        try {
            return switch (shape) {
                case STREAM, STREAM_WITH_CONTEXT -> invokeStream(payload, context);
                case INPUT, INPUT_WITH_CONTEXT -> invokeWithInput(payload, context);
            };
        } catch (InvocationTargetException e) {
            throw JavaHandlerFunction.reported(functionName, e.getCause());
        } catch (IllegalAccessException e) {
            throw new FunctionErrorException("Lambda.Unknown", functionName + " cannot be called: " + e.getMessage());
        }
    }

    private JsonNode invokeStream(JsonNode payload, Context context)
            throws InvocationTargetException, IllegalAccessException, FunctionErrorException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(LocalJson.write(payload).getBytes(StandardCharsets.UTF_8));
        if (shape == Shape.STREAM) {
            method.invoke(instance, in, out);
        } else {
            method.invoke(instance, in, out, context);
        }
        return out.size() == 0 ? LocalJson.MAPPER.nullNode() : JavaHandlerFunction.output(functionName, out.toByteArray());
    }

    private JsonNode invokeWithInput(JsonNode payload, Context context)
            throws InvocationTargetException, IllegalAccessException, FunctionErrorException {
        Object input;
        try {
            input = LocalJson.MAPPER.convertValue(payload, inputType);
        } catch (IllegalArgumentException e) {
            // The payload cannot become the handler's input: the deserializer's error, before the handler runs.
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new FunctionErrorException(reason.getClass().getName(), functionName + ": the payload does not fit "
                    + inputType.toCanonical() + ": " + reason.getMessage());
        }
        Object result = shape == Shape.INPUT ? method.invoke(instance, input) : method.invoke(instance, input, context);
        return method.getReturnType() == void.class ? LocalJson.MAPPER.nullNode() : LocalJson.MAPPER.valueToTree(result);
    }
}

package io.autoremediate.bench.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda Java runtime does for a cold start, in a fresh JVM: load the handler class by name, build it
 * with its no-argument constructor, call {@code handleRequest(InputStream, OutputStream, Context)} once, and
 * print the response. Only the JDK is used here, so the classpath is the function's jar plus this class.
 *
 * <p>With {@code primed}, it first does what Lambda does before a SnapStart snapshot (calls the functions'
 * {@code Priming} hook, by name, as the CRaC context would), then times {@code handleRequest} alone and prints
 * {@code {"requestMillis": N, "response": RESPONSE}}: the part of a cold start that is left after a restore.
 *
 * <p>Usage: {@code LambdaLikeRunner HANDLER_CLASS EVENT_FILE [primed]}
 */
public final class LambdaLikeRunner {

    private LambdaLikeRunner() {
    }

    private static final String PRIMING = "io.autoremediate.functions.adapters.aws.Priming";

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        boolean primed = args.length > 2 && args[2].equals("primed");
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getDeclaredConstructor().newInstance();
        Method handleRequest = streamHandlerMethod(type);
        if (primed) {
            Class<?> priming = Class.forName(PRIMING);
            priming.getMethod("beforeCheckpoint", Class.forName("org.crac.Context"))
                    .invoke(priming.getMethod("container").invoke(null), (Object) null);
        }
        long start = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handleRequest.invoke(handler, new ByteArrayInputStream(event), response, null);
        String body = response.toString(java.nio.charset.StandardCharsets.UTF_8);
        System.out.println(primed ? String.format(java.util.Locale.ROOT, "{\"requestMillis\": %.1f, \"response\": %s}",
                (System.nanoTime() - start) / 1e6, body) : body);
        System.out.flush();
    }

    private static Method streamHandlerMethod(Class<?> type) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("handleRequest") && parameters.length == 3
                    && parameters[0] == java.io.InputStream.class && parameters[1] == java.io.OutputStream.class) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + " has no handleRequest(InputStream, OutputStream, Context)");
    }
}

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
 * <p>Usage: {@code LambdaLikeRunner HANDLER_CLASS EVENT_FILE}
 */
public final class LambdaLikeRunner {

    private LambdaLikeRunner() {
    }

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getDeclaredConstructor().newInstance();
        Method handleRequest = streamHandlerMethod(type);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handleRequest.invoke(handler, new ByteArrayInputStream(event), response, null);
        System.out.println(response.toString(java.nio.charset.StandardCharsets.UTF_8));
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

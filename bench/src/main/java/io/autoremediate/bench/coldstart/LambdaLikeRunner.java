package io.autoremediate.bench.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the Lambda Java runtime does for a cold start, in a fresh JVM: load the handler class by name through a
 * class loader over the task directory (the extracted deployment package) and its {@code lib/*.jar}, as the
 * runtime's own does, build it with its no-argument constructor, call
 * {@code handleRequest(InputStream, OutputStream, Context)} once, and print the response. Only the JDK is used
 * here, so the classpath is this class alone and the function's classes come from the task directory.
 *
 * <p>With {@code primed}, it first does what Lambda does before a SnapStart snapshot (calls the functions'
 * {@code Priming} hook, by name, as the CRaC context would), then times {@code handleRequest} alone and prints
 * {@code {"requestMillis": N, "response": RESPONSE}}: the part of a cold start that is left after a restore.
 *
 * <p>Usage: {@code LambdaLikeRunner TASK_DIRECTORY HANDLER_CLASS EVENT_FILE [primed]}
 */
public final class LambdaLikeRunner {

    private LambdaLikeRunner() {
    }

    private static final String PRIMING = "io.autoremediate.functions.adapters.aws.Priming";

    public static void main(String[] args) throws Exception {
        ClassLoader function = functionLoader(Path.of(args[0]));
        byte[] event = Files.readAllBytes(Path.of(args[2]));
        boolean primed = args.length > 3 && args[3].equals("primed");
        Class<?> type = Class.forName(args[1], true, function);
        Object handler = type.getDeclaredConstructor().newInstance();
        Method handleRequest = streamHandlerMethod(type);
        if (primed) {
            Class<?> priming = Class.forName(PRIMING, true, function);
            priming.getMethod("beforeCheckpoint", Class.forName("org.crac.Context", true, function))
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

    private static ClassLoader functionLoader(Path task) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(new URL("file", null, -1, task.toAbsolutePath() + "/"));
        Path lib = task.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getSystemClassLoader());
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

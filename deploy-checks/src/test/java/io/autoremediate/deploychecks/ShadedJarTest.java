package io.autoremediate.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded Lambda jar Terraform deploys ({@code functions/target/...-lambda.jar}, built by the reactor's package
 * phase before these tests run) still holds every class its code can need, now that functions/pom.xml filters
 * the SDK's async half out of it and src/build/RewriteLambdaJar.java rewrites it. Three checks: by reading the
 * class files (no class the kept code refers to was filtered out), by loading (every SDK class the kept code
 * can reach loads, links and initialises from the jar alone), and by running (each handler built as Lambda
 * builds it, then every priming call on every service, inside the jar's own class loader).
 */
class ShadedJarTest {

    static final Path JAR = Repository.resolve("functions/target/autoremediate-functions-0.1.0-SNAPSHOT-lambda.jar");

    /** The target of 20 MB in the smaller reading, decimal megabytes, so that it holds in MiB too. */
    static final long SIZE_LIMIT = 20_000_000L;

    static final List<String> HANDLERS = List.of("ResolveScriptHandler", "SendCommandHandler", "PollCommandHandler",
            "CheckAlarmHandler", "NotifyHandler", "GuardHandler", "IntakeHandler");

    /**
     * Classes kept only as types to test against, whose own code cannot run, so what their code refers to may be
     * filtered out. S3's sync S3 Express code asks {@code client instanceof S3AsyncClient}; loading that interface
     * verifies its static {@code builder()} and {@code crtBuilder()}, and the verifier loads the interfaces they
     * return. An instance of any of the three could only come from those static methods (which need the filtered
     * default builders) or from a class implementing one: {@link #typeOnlyClassesCannotBeInstantiated} checks no
     * kept class does either, so their instance and default methods never run.
     */
    static final Set<String> TYPE_ONLY = Set.of("software/amazon/awssdk/services/s3/S3AsyncClient",
            "software/amazon/awssdk/services/s3/S3AsyncClientBuilder",
            "software/amazon/awssdk/services/s3/S3CrtAsyncClientBuilder");

    private static Map<String, ClassFileReferences> shaded;
    private static Set<String> filtered;
    private static Map<String, String> reachedFrom;

    @BeforeAll
    static void readTheJarAndItsDependencies() throws IOException {
        assertThat(JAR).as("the shaded jar (built by `mvn package -pl functions -am`)").isRegularFile();
        shaded = new HashMap<>();
        Set<String> resources = new TreeSet<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (isClass(entry.getName())) {
                    ClassFileReferences references = ClassFileReferences.read(jar.getInputStream(entry).readAllBytes());
                    shaded.put(references.name(), references);
                } else if (!entry.isDirectory()) {
                    resources.add(entry.getName());
                }
            }
            filtered = filteredClasses();
            reachedFrom = reachable(roots(jar, resources));
        }
    }

    @Test
    void theJarIsUnderTwentyMegabytes() throws IOException {
        assertThat(Files.size(JAR)).as("size of %s in bytes", JAR.getFileName()).isLessThan(SIZE_LIMIT);
    }

    /** The filters are in effect (else the other checks would prove nothing about them). */
    @Test
    void theSdksAsyncClientsAreFilteredOut() {
        assertThat(filtered).contains("software/amazon/awssdk/services/ssm/DefaultSsmAsyncClient",
                "software/amazon/awssdk/services/s3/DefaultS3AsyncClient",
                "software/amazon/awssdk/services/s3/internal/multipart/MultipartS3AsyncClient");
        assertThat(shaded).containsKeys("software/amazon/awssdk/services/ssm/DefaultSsmClient",
                "software/amazon/awssdk/services/s3/DefaultS3Client");
        assertThat(reachedFrom).containsKeys("software/amazon/awssdk/services/ssm/DefaultSsmClient",
                "software/amazon/awssdk/services/s3/DefaultS3Client", "software/amazon/awssdk/services/sfn/DefaultSfnClient",
                "software/amazon/awssdk/services/sns/DefaultSnsClient",
                "software/amazon/awssdk/services/cloudwatch/DefaultCloudWatchClient",
                "software/amazon/awssdk/services/secretsmanager/DefaultSecretsManagerClient");
    }

    /**
     * Walks every class the jar's own code (ours, service providers, interceptors named in resources) can reach
     * through constant pools; none may refer to a class a filter dropped. A new SDK version that starts using a
     * filtered class from the sync path fails here, naming both classes.
     */
    @Test
    void noReachableClassRefersToAFilteredOne() {
        Map<String, String> violations = new TreeMap<>();
        for (String className : reachedFrom.keySet()) {
            if (TYPE_ONLY.contains(className)) {
                continue;
            }
            for (String referenced : shaded.get(className).referenced()) {
                if (filtered.contains(referenced)) {
                    violations.put(className + " -> " + referenced, path(className));
                }
            }
        }
        assertThat(violations).as("references from kept classes to filtered-out ones (key: from -> to; value: how "
                + "the first is reached)").isEmpty();
    }

    @Test
    void typeOnlyClassesCannotBeInstantiated() {
        for (String typeOnly : TYPE_ONLY) {
            assertThat(shaded).as("%s is kept for instanceof checks", typeOnly).containsKey(typeOnly);
            Set<String> factories = shaded.get(typeOnly).staticMethods();
            for (String className : reachedFrom.keySet()) {
                ClassFileReferences references = shaded.get(className);
                assertThat(references.supertypes()).as("%s implements type-only %s", className, typeOnly)
                        .doesNotContain(typeOnly);
                if (!className.equals(typeOnly)) {
                    for (String factory : factories) {
                        assertThat(references.calledMethods()).as("%s calls %s.%s", className, typeOnly, factory)
                                .doesNotContain(typeOnly + "." + factory);
                    }
                }
            }
        }
    }

    /**
     * Loads, links (verifies) and initialises every reachable SDK class from the jar alone (parent: the platform
     * loader, so nothing comes from this test's classpath). Errors naming a class the filters dropped fail;
     * so does any VerifyError or ClassFormatError. A few classes fail for reasons that predate the filters
     * (optional libraries the SDK can use and this jar never had, such as AWS CRT): listed, not failed.
     */
    @Test
    void everyReachableSdkClassLoadsAndInitialisesFromTheJarAlone() throws IOException {
        Map<String, String> failures = new TreeMap<>();
        Map<String, String> optionalMissing = new TreeMap<>();
        int loaded = 0;
        try (URLClassLoader loader = jarOnlyLoader()) {
            for (String className : new TreeSet<>(reachedFrom.keySet())) {
                if (!className.startsWith("software/amazon/awssdk/")) {
                    continue;
                }
                try {
                    Class.forName(className.replace('/', '.'), true, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    String missing = missingClass(e);
                    if (e instanceof VerifyError || e instanceof ClassFormatError
                            || e instanceof ClassNotFoundException || (missing != null && filtered.contains(missing))) {
                        failures.put(className, e.toString());
                    } else {
                        optionalMissing.put(className, e.toString());
                    }
                }
            }
        }
        assertThat(failures).as("SDK classes that do not load from the shaded jar").isEmpty();
        assertThat(loaded).as("SDK classes loaded").isGreaterThan(5_000);
        // Should the list grow, it says so in the build log; it is what was already true before the filters.
        if (!optionalMissing.isEmpty()) {
            System.out.println("ShadedJarTest: " + optionalMissing.size() + " reachable SDK classes need libraries "
                    + "the jar never had: " + optionalMissing);
        }
    }

    /**
     * Each handler as Lambda builds it (by name, public no-argument constructor, from the jar alone), then with
     * every service's client built, the SnapStart priming hook's work: each adapter call on twin clients answered
     * from memory (marshalling, endpoint rules, signing, parsing), the JSON primers, one loopback exchange.
     */
    @Test
    void everyHandlerBuildsAndPrimingRunsEveryServiceCallInsideTheJar() throws Exception {
        try (URLClassLoader loader = jarOnlyLoader()) {
            for (String handler : HANDLERS) {
                Class<?> type = Class.forName("io.autoremediate.functions.handlers." + handler, true, loader);
                assertThat(type.getConstructor().newInstance()).isNotNull();
            }
            Class<?> awsClients = loader.loadClass("io.autoremediate.functions.adapters.aws.AwsClients");
            Object clients = awsClients.getMethod("fromEnvironment").invoke(null);
            // The handlers build the clients their functions use; the test builds all six, so all are primed.
            for (String service : List.of("s3", "ssm", "cloudWatch", "sns", "sfn", "secretsManager")) {
                awsClients.getMethod(service).invoke(clients);
            }
            Class<?> priming = loader.loadClass("io.autoremediate.functions.adapters.aws.Priming");
            Object container = priming.getMethod("container").invoke(null);
            Method prime = priming.getDeclaredMethod("prime");
            prime.setAccessible(true);
            List<?> outcomes = (List<?>) prime.invoke(container);
            Map<String, String> failed = new TreeMap<>();
            Set<String> primers = new TreeSet<>();
            for (Object outcome : outcomes) {
                String primer = (String) outcome.getClass().getMethod("primer").invoke(outcome);
                String failure = (String) outcome.getClass().getMethod("failure").invoke(outcome);
                primers.add(primer);
                if (failure != null) {
                    failed.put(primer, failure);
                }
            }
            assertThat(failed).as("primers that failed inside the shaded jar").isEmpty();
            assertThat(primers).contains("aws S3", "aws SSM", "aws CLOUDWATCH", "aws SNS", "aws SFN",
                    "aws SECRETS_MANAGER", "http", "json");
        }
    }

    private static URLClassLoader jarOnlyLoader() throws IOException {
        return new URLClassLoader("lambda-jar", new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** Ours, the providers of every META-INF/services file, and classes named by the SDK's interceptor lists. */
    private static List<String> roots(JarFile jar, Set<String> resources) throws IOException {
        List<String> roots = new ArrayList<>();
        shaded.keySet().stream().filter(name -> name.startsWith("io/autoremediate/")).forEach(roots::add);
        for (String resource : resources) {
            if (resource.startsWith("META-INF/services/") || resource.endsWith(".interceptors")) {
                String text = new String(jar.getInputStream(jar.getEntry(resource)).readAllBytes(),
                        StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    String className = line.replaceAll("#.*", "").strip();
                    if (!className.isEmpty()) {
                        roots.add(className.replace('.', '/'));
                    }
                }
            }
        }
        return roots;
    }

    /** Reachable class to the class it was first reached from (roots: to themselves). */
    private static Map<String, String> reachable(List<String> roots) {
        Map<String, String> from = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String root : roots) {
            if (shaded.containsKey(root) && from.putIfAbsent(root, root) == null) {
                queue.add(root);
            }
        }
        while (!queue.isEmpty()) {
            String next = queue.remove();
            for (String referenced : shaded.get(next).referenced()) {
                if (shaded.containsKey(referenced) && from.putIfAbsent(referenced, next) == null) {
                    queue.add(referenced);
                }
            }
        }
        return from;
    }

    private static String path(String className) {
        List<String> chain = new ArrayList<>();
        for (String c = className; chain.size() < 12; c = reachedFrom.get(c)) {
            chain.add(c.substring(c.lastIndexOf('/') + 1));
            if (reachedFrom.get(c).equals(c)) {
                break;
            }
        }
        return String.join(" <- ", chain);
    }

    /**
     * Classes of the jars the shaded jar was built from that it does not hold: what the filters dropped. Those
     * jars are on this module's test classpath (it depends on autoremediate-functions); a jar counts when the
     * shaded jar holds at least one of its classes, so test libraries are not taken for shaded ones.
     */
    private static Set<String> filteredClasses() throws IOException {
        Set<String> dropped = new HashSet<>();
        for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!element.endsWith(".jar")) {
                continue;
            }
            Set<String> classes = new HashSet<>();
            try (JarFile dependency = new JarFile(element)) {
                for (ZipEntry entry : Collections.list(dependency.entries())) {
                    if (isClass(entry.getName())) {
                        classes.add(entry.getName().substring(0, entry.getName().length() - ".class".length()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(element, e);
            }
            if (classes.stream().anyMatch(shaded::containsKey)) {
                classes.stream().filter(name -> !shaded.containsKey(name)).forEach(dropped::add);
            }
        }
        return dropped;
    }

    private static boolean isClass(String entryName) {
        return entryName.endsWith(".class") && !entryName.startsWith("META-INF/")
                && !entryName.endsWith("module-info.class");
    }

    /** The internal name of the class a loading error says is missing, if it says so. */
    private static String missingClass(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                String message = String.valueOf(t.getMessage());
                if (!message.startsWith("Could not initialize")) {
                    return message.replace('.', '/').strip();
                }
            }
        }
        return null;
    }
}

package io.autoremediate.functions.adapters.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.functions.incident.Incident;
import io.autoremediate.functions.json.JsonFields;
import io.autoremediate.functions.json.JsonObject;
import io.autoremediate.functions.json.JsonTrees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * SnapStart priming: before Lambda snapshots a function's initialised JVM, run the code its first request will
 * run, so the classes are loaded and initialised in the snapshot instead of after every restore. Each primer
 * runs once and offline: the JSON primer reads a document with every kind of value into a record and writes it
 * back; each service's primer calls the production adapters of that service on twin clients whose HTTP client
 * answers from memory ({@link AwsService}, {@link CannedHttpClient}), which runs the adapters' own requests
 * through the SDK's marshalling, endpoint rules, signing and parsing without a byte on the network; then one
 * request goes through the real HTTP client to a server of its own on the loopback address. Nothing here is
 * needed for correctness: a primer that fails is reported and skipped, never stops the snapshot.
 *
 * <p>The container's instance registers itself with CRaC's global context the first time a primer is added.
 * Without a CRaC implementation (any JVM but Lambda's SnapStart one), registering does nothing and no hook runs.
 */
public final class Priming implements Resource {

    /** Static, so strongly reachable: CRaC contexts may hold their resources weakly. */
    private static final Priming CONTAINER = new Priming();

    /** @param failure null when the primer ran through, else what it threw (class and message) */
    public record Outcome(String primer, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private final Map<String, Runnable> pending = new LinkedHashMap<>();
    private final List<String> done = new ArrayList<>();
    private boolean registered;

    Priming() {
    }

    /** This container's priming: the instance SnapStart runs before its snapshot. */
    public static Priming container() {
        return CONTAINER;
    }

    /** Primes reading and writing the steps' JSON: the same code for every handler, so one primer for all. */
    public void json() {
        add("json", Priming::primeJson);
    }

    /**
     * Primes the adapters' calls to every service whose client {@code clients} has built by the time priming
     * runs, and their HTTP client's own code with one exchange on the loopback address ({@link LoopbackExchange}).
     */
    void aws(AwsClients clients) {
        add("aws", () -> {
            // Which services are known only now: a handler builds the clients it needs in its constructor.
            for (AwsService service : clients.built()) {
                add("aws " + service, () -> primeAws(clients, service));
            }
            if (!clients.built().isEmpty()) {
                add("http", () -> LoopbackExchange.through(clients.httpClient()));
            }
        });
    }

    synchronized void add(String primer, Runnable action) {
        if (!done.contains(primer) && !pending.containsKey(primer)) {
            pending.put(primer, action);
        }
        if (this == CONTAINER && !registered) {
            registered = true;
            try {
                Core.getGlobalContext().register(this);
            } catch (RuntimeException | LinkageError e) {
                // Priming only saves time: a runtime that cannot take the hook must still run the function.
                System.err.println("autoremediate priming: not registered (" + e + ")");
            }
        }
    }

    /** Runs every primer not yet run, including those that running others adds; idempotent, since each runs once. */
    List<Outcome> prime() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, Runnable> next = takeNext(); next != null; next = takeNext()) {
            outcomes.add(run(next.getKey(), next.getValue()));
        }
        return outcomes;
    }

    private static Outcome run(String primer, Runnable action) {
        try {
            action.run();
            return new Outcome(primer, null);
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(primer, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<Outcome> outcomes = prime();
        // The one line in the function's log that says the snapshot was primed, and with what.
        System.err.println("autoremediate priming: " + outcomes.stream()
                .map(o -> o.succeeded() ? o.primer() : o.primer() + " FAILED (" + o.failure() + ")")
                .collect(Collectors.joining(", ")));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: clients hold no connection across a snapshot, and credentials come per request.
    }

    private synchronized Map.Entry<String, Runnable> takeNext() {
        if (pending.isEmpty()) {
            return null;
        }
        Map.Entry<String, Runnable> next = pending.entrySet().iterator().next();
        pending.remove(next.getKey());
        done.add(next.getKey());
        return Map.entry(next.getKey(), next.getValue());
    }

    private static void primeJson() {
        // A document with every kind of value, through the parser, the field reader, the builder and the generator.
        String document = "{\"incident\": {\"alarmName\": \"priming\", \"state\": \"ALARM\", \"dimensions\":"
                + " {\"InstanceId\": \"i-0\"}, \"stateChangedAt\": \"2026-01-01T00:00:00.000Z\"},"
                + " \"n\": [1, 2.5, 12345678901, true, null], \"polls\": 2, \"approved\": false,"
                + " \"searched\": [\"a\"], \"text\": \"caf\\u00e9 \\\"quoted\\\"\"}";
        try {
            // From bytes, as a handler reads its input stream: Jackson parses bytes with another parser than text.
            JsonNode tree = JsonTrees.read(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
            JsonFields fields = JsonFields.of(tree, "priming");
            Incident incident = Incident.fromJson(fields.object("incident"));
            JsonObject written = JsonObject.create().node("incident", incident.toJson())
                    .number("polls", fields.integer("polls", 0)).bool("approved", fields.optionalBool("approved"))
                    .texts("searched", fields.texts("searched")).text("text", fields.text("text"))
                    .node("n", fields.node("n"));
            JsonTrees.write(written.build(), new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void primeAws(AwsClients clients, AwsService service) {
        SdkHttpClient canned = new CannedHttpClient(200, service.cannedHeaders(), service.cannedResponse());
        // Made-up credentials: the signature is computed, as for real, but goes nowhere.
        AwsClients twin = clients.twin(canned,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAPRIMING000000000", "priming")));
        try {
            service.callAdapters(twin);
        } finally {
            twin.close();
        }
    }
}

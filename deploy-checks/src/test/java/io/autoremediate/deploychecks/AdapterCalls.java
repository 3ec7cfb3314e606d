package io.autoremediate.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS API calls an adapter's source makes, per public method: {@code ssm.sendCommand(} on a field of type
 * {@code SsmClient} is the IAM action {@code ssm:SendCommand}. A client built only when needed counts the same:
 * {@code s3.get().getObject(} on a field of type {@code Supplier<S3Client>} is {@code s3:GetObject}.
 */
final class AdapterCalls {

    static final Path ADAPTERS = Repository.resolve("functions/src/main/java/io/autoremediate/functions/adapters/aws");

    /** SDK client type to IAM service prefix. */
    private static final Map<String, String> SERVICE_PREFIX = Map.of(
            "S3Client", "s3", "SsmClient", "ssm", "CloudWatchClient", "cloudwatch", "SnsClient", "sns",
            "SfnClient", "states", "SecretsManagerClient", "secretsmanager", "LambdaClient", "lambda");

    /** The HTTP client under the service clients: it carries their calls and makes none of its own. */
    private static final Set<String> NOT_A_SERVICE = Set.of("SdkHttpClient");

    private static final Pattern CLIENT_FIELD =
            Pattern.compile("private\\s+final\\s+(?:Supplier<\\s*)?(\\w+Client)\\s*>?\\s+(\\w+)\\s*;");
    private static final Pattern PUBLIC_METHOD = Pattern.compile("\\n\\s+public\\s+[\\w<>,.?\\s\\[\\]]+?\\s(\\w+)\\s*\\(");

    private AdapterCalls() {
    }

    /** Method name to the IAM actions its SDK calls need; methods without calls are left out. */
    static Map<String, Set<String>> of(String adapterClass) {
        String source = read(ADAPTERS.resolve(adapterClass + ".java"));
        Map<String, String> clients = new HashMap<>();
        Matcher field = CLIENT_FIELD.matcher(source);
        while (field.find()) {
            if (NOT_A_SERVICE.contains(field.group(1))) {
                continue;
            }
            String prefix = SERVICE_PREFIX.get(field.group(1));
            if (prefix == null) {
                throw new AssertionError(adapterClass + " holds a " + field.group(1)
                        + ": add its IAM service prefix to AdapterCalls.SERVICE_PREFIX");
            }
            clients.put(field.group(2), prefix);
        }
        Map<String, Set<String>> calls = new TreeMap<>();
        Matcher method = PUBLIC_METHOD.matcher(source);
        while (method.find()) {
            int open = source.indexOf('{', method.end());
            int semicolon = source.indexOf(';', method.end());
            if (open < 0 || (semicolon >= 0 && semicolon < open)) {
                continue; // abstract or interface declaration
            }
            String body = source.substring(open, matchingBrace(source, open) + 1);
            Set<String> actions = new TreeSet<>();
            for (var client : clients.entrySet()) {
                Matcher call = Pattern.compile("\\b" + client.getKey()
                        + "\\s*\\.\\s*(?:get\\s*\\(\\s*\\)\\s*\\.\\s*)?(\\w+)\\s*\\(").matcher(body);
                while (call.find()) {
                    String operation = call.group(1);
                    actions.add(client.getValue() + ":" + Character.toUpperCase(operation.charAt(0))
                            + operation.substring(1));
                }
            }
            if (!actions.isEmpty()) {
                calls.merge(method.group(1), actions, (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        }
        return calls;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int matchingBrace(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = source.indexOf('"', i + 1);
                while (source.charAt(i - 1) == '\\') {
                    i = source.indexOf('"', i + 1);
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced braces after index " + open);
    }
}

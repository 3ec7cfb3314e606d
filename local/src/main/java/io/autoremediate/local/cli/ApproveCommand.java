package io.autoremediate.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autoremediate.local.json.LocalJson;
import io.autoremediate.local.sfn.client.TaskTokenClient;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Approves a remediation waiting at its approval gate: SendTaskSuccess on a running serve. */
@Command(name = "approve", description = {
        "Approve a remediation waiting at its approval gate, on a running serve.",
        "Sends SendTaskSuccess(TOKEN, OUTPUT) to the endpoint of a running%n"
                + "./autoremediate serve. TOKEN is the taskToken of the approval request."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:approved",
                "1:refused (unknown, answered or timed-out token), or serve not reachable",
                "2:usage error"})
public final class ApproveCommand implements Callable<Integer> {
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8083";

    @Parameters(index = "0", paramLabel = "TOKEN", description = "The task token of the approval request.")
    private String token;

    @Option(names = "--output", paramLabel = "JSON", defaultValue = "{\"approved\":true}",
            description = "The JSON the approval gate's Task returns%nDefault: ${DEFAULT-VALUE}")
    private String output;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = DEFAULT_ENDPOINT,
            description = "Where serve listens%nDefault: ${DEFAULT-VALUE}")
    private String endpoint;

    @Override
    public Integer call() {
        URI uri = endpoint(endpoint);
        requireToken(token);
        try {
            JsonNode parsed = LocalJson.MAPPER.readTree(output);
            if (parsed == null || parsed.isMissingNode()) {
                throw new IOException("empty");
            }
        } catch (IOException e) {
            throw new UsageException("--output must be JSON, got '" + output + "'");
        }
        try (TaskTokenClient client = TaskTokenClient.connect(uri)) {
            client.succeed(token, output);
        }
        System.out.println("approved");
        return 0;
    }

    static URI endpoint(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint must be an http URL like " + DEFAULT_ENDPOINT + ", got '" + text
                    + "'");
        }
    }

    static void requireToken(String token) {
        if (token.isBlank() || token.length() > 1024) {
            throw new UsageException("TOKEN must be 1 to 1024 characters (the taskToken of the approval request)");
        }
    }
}

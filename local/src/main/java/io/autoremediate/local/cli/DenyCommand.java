package io.autoremediate.local.cli;

import io.autoremediate.functions.notify.EscalationReason;
import io.autoremediate.local.sfn.client.TaskTokenClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Denies a remediation waiting at its approval gate: SendTaskFailure with Remediation.Denied on a running serve. */
@Command(name = "deny", description = {
        "Deny a remediation waiting at its approval gate, on a running serve.",
        "Sends SendTaskFailure(TOKEN, error Remediation.Denied, cause REASON) to the%n"
                + "endpoint of a running ./autoremediate serve."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:denied",
                "1:refused (unknown, answered or timed-out token), or serve not reachable",
                "2:usage error"})
public final class DenyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TOKEN", description = "The task token of the approval request.")
    private String token;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "denied by an operator",
            description = "Why, recorded as the failure's cause%nDefault: ${DEFAULT-VALUE}")
    private String reason;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = ApproveCommand.DEFAULT_ENDPOINT,
            description = "Where serve listens%nDefault: ${DEFAULT-VALUE}")
    private String endpoint;

    @Override
    public Integer call() {
        var uri = ApproveCommand.endpoint(endpoint);
        ApproveCommand.requireToken(token);
        if (reason.length() > 32_768) {
            throw new UsageException("--reason must be at most 32768 characters");
        }
        try (TaskTokenClient client = TaskTokenClient.connect(uri)) {
            client.fail(token, EscalationReason.DENIED, reason);
        }
        System.out.println("denied");
        return 0;
    }
}

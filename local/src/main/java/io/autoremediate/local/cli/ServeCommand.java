package io.autoremediate.local.cli;

import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.sfn.StepFunctionsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the Step Functions API on 127.0.0.1 so the AWS CLI and SDKs drive the embedded engine. */
@Command(name = "serve", description = {
        "Serve the Step Functions API (AWS JSON 1.0) from the embedded engine, for the AWS CLI and SDKs.",
        "It listens on 127.0.0.1; the AWS CLI works unchanged against it, for example:%n"
                + "  aws stepfunctions --endpoint-url http://127.0.0.1:8083 list-executions ...",
        "The remediation functions are bound under their function names (autoremediate-resolve-script, ...);"
                + " a function nothing binds fails its Task with Lambda.ResourceNotFoundException, as in AWS.",
        "State machines and executions are journaled under --data-dir: started again on the same folder, serve"
                + " resumes the executions it was running. Ctrl-C to stop."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8083",
            description = "The port on 127.0.0.1, as Step Functions Local.%nDefault: ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".autoremediate/serve",
            description = "Where state machines, execution journals, runbook output and notifications are kept"
                    + "%nDefault: ${DEFAULT-VALUE}")
    private Path dataDir;

    @Option(names = "--runbooks", paramLabel = "DIR", defaultValue = "remediations",
            description = "Folder of runbooks for the remediation functions%nDefault: ${DEFAULT-VALUE}")
    private Path runbooks;

    @Option(names = "--function", paramLabel = "NAME=EXECUTABLE",
            description = "Bind a Lambda function name to an executable (payload on stdin, result on stdout), or"
                    + " to a Java handler on this classpath, called in process, as%nNAME=package.Class::method")
    private List<String> functions = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", defaultValue = StepFunctionsServer.DEFAULT_REGION,
            description = "The region in ARNs%nDefault: ${DEFAULT-VALUE}")
    private String region;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "64",
            description = "Executions running at once; more wait their turn%nDefault: ${DEFAULT-VALUE}")
    private int maxConcurrent;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0 to 65535, got " + port);
        }
        if (maxConcurrent < 1) {
            throw new UsageException("--max-concurrent must be at least 1, got " + maxConcurrent);
        }
        Files.createDirectories(dataDir);
        StepFunctionsServer.Options options = new StepFunctionsServer.Options(port, dataDir, runbooks, boundFunctions(),
                region, StepFunctionsServer.DEFAULT_ACCOUNT, maxConcurrent, System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        try (StepFunctionsServer server = StepFunctionsServer.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            System.out.println("autoremediate serve: Step Functions API on " + server.endpoint()
                    + " (region " + region + ", account " + StepFunctionsServer.DEFAULT_ACCOUNT + ")");
            System.out.flush();
            stopped.await();
        }
        return 0;
    }

    private Map<String, LambdaFunction> boundFunctions() {
        return FunctionBindings.parse(functions, new LocalArns(region, StepFunctionsServer.DEFAULT_ACCOUNT));
    }
}

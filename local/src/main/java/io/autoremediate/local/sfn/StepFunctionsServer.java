package io.autoremediate.local.sfn;

import com.sun.net.httpserver.HttpServer;
import io.autoremediate.engine.EngineClock;
import io.autoremediate.engine.LambdaFunction;
import io.autoremediate.functions.notify.NotificationChannel;
import io.autoremediate.local.adapters.AlarmAfterRunbook;
import io.autoremediate.local.adapters.ConsoleNotificationChannel;
import io.autoremediate.local.adapters.FolderRunbookStore;
import io.autoremediate.local.adapters.JsonLinesNotificationChannel;
import io.autoremediate.local.adapters.LocalShellCommandRunner;
import io.autoremediate.local.arn.LocalArns;
import io.autoremediate.local.runtime.LocalAdapters;
import io.autoremediate.local.runtime.LocalRuntime;
import io.autoremediate.local.sfn.execution.ExecutionBackend;
import io.autoremediate.local.sfn.execution.RuntimeExecutionBackend;
import io.autoremediate.local.sfn.operations.Arns;
import io.autoremediate.local.sfn.operations.ExecutionOperations;
import io.autoremediate.local.sfn.operations.HistoryOperation;
import io.autoremediate.local.sfn.operations.StateMachineOperations;
import io.autoremediate.local.sfn.operations.StateMachineStore;
import io.autoremediate.local.sfn.operations.TaskTokenOperations;
import io.autoremediate.local.sfn.operations.ValidateOperation;
import io.autoremediate.local.sfn.protocol.AwsJsonHandler;
import io.autoremediate.local.sfn.protocol.Operation;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Step Functions API on 127.0.0.1 (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.*}), so the AWS
 * CLI and SDKs work against the embedded engine with only an endpoint override.
 */
public final class StepFunctionsServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8083;
    /** The account in every ARN, as Step Functions Local had it. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /**
     * @param port        0 for any free port
     * @param dataDir     where state machines, execution journals, runbook output and notifications go; a
     *                    server started again on it resumes the executions left unfinished
     * @param runbooks    the runbook folder the remediation functions read
     * @param functions   further functions by name (executables, Java handlers), bound over the remediation ones
     * @param threads     how many executions advance at once (more wait their turn, RUNNING; waiting ones
     *                    take no thread)
     */
    public record Options(int port, Path dataDir, Path runbooks, Map<String, LambdaFunction> functions, String region,
                          String account, int threads, PrintStream log) {
        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(runbooks, "runbooks");
            functions = Map.copyOf(functions);
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(log, "log");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }

        public static Options defaults(int port, Path dataDir, Path runbooks) {
            return new Options(port, dataDir, runbooks, Map.of(), DEFAULT_REGION, DEFAULT_ACCOUNT, 64, System.err);
        }
    }

    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final ExecutionBackend backend;
    private final LocalShellCommandRunner commands;

    private StepFunctionsServer(HttpServer http, ExecutorService requestThreads, ExecutionBackend backend,
                                LocalShellCommandRunner commands) {
        this.http = http;
        this.requestThreads = requestThreads;
        this.backend = backend;
        this.commands = commands;
    }

    /** Binds 127.0.0.1 and starts serving; close it to stop. */
    public static StepFunctionsServer start(Options options) throws IOException {
        EngineClock clock = EngineClock.system();
        LocalShellCommandRunner commands = new LocalShellCommandRunner(
                options.dataDir().resolve("command-output"), Map.of());
        List<NotificationChannel> channels = List.of(new ConsoleNotificationChannel(options.log()),
                new JsonLinesNotificationChannel(options.dataDir().resolve("notifications.jsonl"), Clock.systemUTC()));
        AlarmAfterRunbook alarm = new AlarmAfterRunbook(commands, Clock.systemUTC());
        Path executionsDir = options.dataDir().resolve("executions");
        LocalArns arns = new LocalArns(options.region(), options.account());
        LocalRuntime runtime = LocalRuntime.builder()
                .adapters(new LocalAdapters(new FolderRunbookStore(options.runbooks()), alarm, alarm, channels))
                .functions(options.functions()).clock(clock).arns(arns).threads(options.threads())
                .journal(executionsDir.resolve("journal"))
                .taskTokenListener(issued -> options.log().println("task token for " + issued.executionArn()
                        + " (state '" + issued.stateName() + "'): " + issued.taskToken()))
                .build();
        RuntimeExecutionBackend backend = new RuntimeExecutionBackend(runtime, executionsDir);
        if (!backend.resumedExecutions().isEmpty()) {
            options.log().println("resumed " + backend.resumedExecutions().size() + " unfinished execution(s) from "
                    + executionsDir);
        }

        Arns apiArns = new Arns(arns);
        StateMachineOperations stateMachines = new StateMachineOperations(apiArns, clock,
                new StateMachineStore(options.dataDir().resolve("state-machines")), options.log()::println);
        ExecutionOperations executions = new ExecutionOperations(apiArns, stateMachines, backend);
        HistoryOperation history = new HistoryOperation(executions, backend);
        TaskTokenOperations tokens = new TaskTokenOperations(backend);
        Map<String, Operation> operations = new LinkedHashMap<>();
        operations.put("CreateStateMachine", stateMachines::create);
        operations.put("UpdateStateMachine", stateMachines::update);
        operations.put("DescribeStateMachine", stateMachines::describe);
        operations.put("ListStateMachines", stateMachines::list);
        operations.put("DeleteStateMachine", stateMachines::delete);
        operations.put("ValidateStateMachineDefinition", ValidateOperation::validate);
        operations.put("StartExecution", executions::start);
        operations.put("DescribeExecution", executions::describe);
        operations.put("ListExecutions", executions::list);
        operations.put("StopExecution", executions::stop);
        operations.put("GetExecutionHistory", history::history);
        operations.put("SendTaskSuccess", tokens::success);
        operations.put("SendTaskFailure", tokens::failure);
        operations.put("SendTaskHeartbeat", tokens::heartbeat);

        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: about
        // 40 ms a request on Linux loopback (bench/README.md, the loop through serve). Read once, when the JVM's
        // first HttpServer is made.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        } catch (IOException e) {
            backend.close();
            commands.close();
            throw new IOException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        ExecutorService requestThreads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "sfn-http");
            thread.setDaemon(true);
            return thread;
        });
        http.createContext("/", new AwsJsonHandler("AWSStepFunctions", operations, options.log()));
        http.setExecutor(requestThreads);
        http.start();
        return new StepFunctionsServer(http, requestThreads, backend, commands);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, what {@code --endpoint-url} and {@code endpointOverride} take. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        http.stop(0);
        requestThreads.shutdownNow();
        backend.close();
        commands.close();
    }
}

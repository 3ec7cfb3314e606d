package io.autoremediate.local.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code autoremediate} command: the local runtime's front door. */
@Command(
        name = "autoremediate",
        mixinStandardHelpOptions = true,
        // -h and -V work on every subcommand too.
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Version.class,
        description = "Incident auto-remediation for AWS, run on this machine: the same state machine and handlers,"
                + " with local stand-ins for S3, SSM, CloudWatch and the notification channels.",
        subcommands = {DemoCommand.class, ReplayCommand.class, ExecuteCommand.class, ServeCommand.class,
                ApproveCommand.class, DenyCommand.class})
public final class AutoremediateCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 usage. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new AutoremediateCli());
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof UsageException) {
                command.getErr().println("autoremediate " + command.getCommandName() + ": " + exception.getMessage());
                return UsageException.EXIT_CODE;
            }
            command.getErr().println("autoremediate " + command.getCommandName() + ": " + describe(exception));
            if (System.getenv("AUTOREMEDIATE_DEBUG") != null) {
                exception.printStackTrace(command.getErr());
            }
            return 1;
        });
        return commandLine.execute(args);
    }

    /** No command named: picocli prints this message, then the usage once, and exits 2. */
    @Override
    public void run() {
        List<String> names = new ArrayList<>(spec.subcommands().keySet());
        String last = names.remove(names.size() - 1);
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: " + String.join(", ", names) + " or " + last);
    }

    private static String describe(Exception exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
    }
}

package dev.nashforge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code nash} command: entry point of the runnable jar {@code cli/target/nash.jar} and of the {@code ./nash}
 * launcher. Subcommands: {@link GamesCommand games}, {@link InfoCommand info}, {@link EvalCommand eval},
 * {@link SolveCommand solve}, {@link BackendsCommand backends}.
 *
 * <p>Errors are one line {@code nash: error: ...} on stderr with exit code 2 (usage errors) or 1 (other
 * failures), see {@link CliErrorHandler}; {@code --debug} adds the stack trace.
 */
@Command(name = "nash",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "NashForge: approximate Nash equilibria of general-sum games and measure how far a "
                + "strategy profile is from one (NashGap).",
        subcommands = {GamesCommand.class, InfoCommand.class, EvalCommand.class, SolveCommand.class,
                CompareCommand.class, TrainCommand.class, ModelsCommand.class, BackendsCommand.class,
                CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./nash solve leduc_poker --algo cfr+ --iterations 1024 --checkpoints pow2", "  ./nash games",
                "  ./nash info kuhn_poker", "  ./nash eval leduc_poker --profile uniform", "  ./nash backends",
                "%nExit status: 0 success, 1 failure (bad input file, failed computation), 2 usage error "
                        + "(bad option, unknown game or parameter), 130, 143 or 129 stopped by Ctrl-C, SIGTERM "
                        + "or SIGHUP (solve, compare and train save their state first)."})
public final class NashCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace after an error message.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand; choose one of: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Runs {@code nash} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        int code;
        try {
            code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        } catch (OutOfMemoryError e) {
            System.err.println("nash: error: out of memory; give the JVM more with NASH_JAVA_OPTS=-Xmx8g");
            code = CliErrorHandler.FAILURE;
        }
        System.exit(code);
    }

    /**
     * Runs {@code nash} with {@code args}, writing normal output to {@code out} and errors to {@code err}.
     *
     * @return the exit code: 0 success, 1 failure, 2 usage error
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CliErrorHandler errors = new CliErrorHandler(Arrays.asList(args).contains("--debug"));
        CommandLine cmd = new CommandLine(new NashCommand())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}

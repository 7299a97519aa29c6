package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.neuromf.core.sweep.NetworkSweep;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The NeuroMF command line: runs the engine's operations headless and writes CSV tables.
 * {@code neuromf presets | operations | simulate ... | run OPERATION ...}.
 */
public final class Main {

    static final String VERSION = "NeuroMF 0.1.0";

    private final PrintStream out;
    private final PrintStream err;
    private final NetworkSweep.Runner sweepRunner;

    Main(PrintStream out, PrintStream err) {
        this(out, err, NetworkSweep.Runner.LOCAL);
    }

    /** A command line whose sweep command carries out its runs with this runner (on Spark, say). */
    public Main(PrintStream out, PrintStream err, NetworkSweep.Runner sweepRunner) {
        this.out = out;
        this.err = err;
        this.sweepRunner = sweepRunner;
    }

    /** Set by the shutdown hook of Ctrl-C (SIGINT) or SIGTERM: the run stops, and says so once. */
    private static volatile boolean interrupted;

    public static void main(String[] args) {
        launch(args, NetworkSweep.Runner.LOCAL);
    }

    /**
     * Runs a command as {@link #main} does, its sweeps with this runner: one line for any failure,
     * outputs complete or absent after Ctrl-C, then exits with the command's code.
     */
    public static void launch(String[] args, NetworkSweep.Runner sweepRunner) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!interrupted) {
                System.err.println("neuromf: " + describe(e)); // one line, never a stack trace
            }
        });
        String name = args.length == 0 ? "" : args[0];
        AtomicBoolean done = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!done.get()) {
                interrupted = true;
                List<Path> unwritten = OutputFolder.abortAll();
                System.err.println("neuromf " + name + ": interrupted" + (unwritten.isEmpty() ? ""
                        : "; nothing was written to " + unwritten.stream().map(String::valueOf)
                                .collect(Collectors.joining(", "))));
            }
        }));
        int code = new Main(System.out, System.err, sweepRunner).run(args);
        done.set(true);
        System.exit(code);
    }

    /** Runs a command; returns the exit code (0 success, 2 bad input, 1 failure). */
    public int run(String... args) {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String help = "neuromf " + name + " --help";
        try {
            Command command;
            switch (name) {
                case "simulate":
                    command = new SimulateCommand();
                    break;
                case "sweep":
                    command = new SweepCommand(sweepRunner);
                    break;
                case "tf-scan":
                    command = new TransferCommands.Scan();
                    break;
                case "tf-fit":
                    command = new TransferCommands.Fit();
                    break;
                case "tf-self-consistent":
                    command = new SelfConsistentCommand();
                    break;
                case "paper":
                    command = new PaperCommand();
                    break;
                case "run-workflow":
                    command = new RunWorkflowCommand();
                    break;
                case "meanfield":
                    command = new MeanFieldCommand();
                    break;
                case "compare":
                    command = new CompareCommand();
                    break;
                case "presets":
                    command = new PresetsCommand();
                    break;
                case "operations":
                    command = new OperationsCommand();
                    break;
                case "run":
                    if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("-h")) {
                        RunCommand.usage(rest.length == 0 ? err : out);
                        return rest.length == 0 ? 2 : 0;
                    }
                    help = "neuromf run --help";
                    command = new RunCommand(rest[0]);
                    help = "neuromf run " + rest[0] + " --help";
                    rest = Arrays.copyOfRange(rest, 1, rest.length);
                    break;
                case "--version":
                case "-V":
                    out.println(VERSION);
                    return 0;
                case "":
                case "help":
                case "--help":
                case "-h":
                    usage(args.length == 0 ? err : out);
                    return args.length == 0 ? 2 : 0;
                default:
                    err.println("neuromf: unknown command '" + name + "'");
                    usage(err);
                    return 2;
            }
            CommandSpec spec = command.spec();
            // --help and --version built here rather than by picocli's annotated mixin, whose reflection
            // took 30-40 ms of every start
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
            spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                    .description("Print version information and exit.").build());
            spec.version(VERSION);
            CommandLine cl = new CommandLine(spec);
            cl.setOut(new java.io.PrintWriter(out, true));
            cl.setErr(new java.io.PrintWriter(err, true));
            ParseResult parsed = cl.parseArgs(rest);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            return command.execute(parsed, out, err);
        } catch (CommandLine.ParameterException e) {
            return fail(name, e.getMessage() + "\n(" + help + " lists every option)", 2);
        } catch (CancelledException e) {
            return fail(name, "cancelled; nothing was written", 1);
        } catch (MemoryBudget.MemoryException e) {
            return fail(name, e.getMessage() + " (./neuromf passes NEUROMF_JAVA_OPTS to Java: " + moreMemory() + ")", 2);
        } catch (IllegalArgumentException e) {
            return fail(name, e.getMessage(), 2);
        } catch (OutOfMemoryError e) {
            return fail(name, "ran out of memory (a Java heap of " + MemoryBudget.megabytes(Runtime.getRuntime().maxMemory())
                    + "); nothing was written. Make the run smaller, or give Java more memory: " + moreMemory(), 1);
        } catch (RuntimeException | Error e) {
            return fail(name, describe(e), 1);
        }
    }

    /** Prints the one line of a failure (none once interrupted: the shutdown hook says it); returns the exit code. */
    private int fail(String command, String message, int code) {
        if (!interrupted) {
            err.println("neuromf" + (command.isEmpty() ? "" : " " + command) + ": " + message);
        }
        return code;
    }

    /** How to run with twice the heap this run has. */
    private static String moreMemory() {
        long gigabytes = Math.max(2, 2 * (Runtime.getRuntime().maxMemory() >> 30));
        return "NEUROMF_JAVA_OPTS=-Xmx" + gigabytes + "g ./neuromf ...";
    }

    /** An unexpected failure in one line: its message, or what it is where it has none. */
    static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "the input is nested too deeply to process (stack overflow); nothing was written";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "internal error (" + e.getClass().getSimpleName()
                + "); nothing was written. Please report it with the command you ran" : message;
    }

    private static void usage(PrintStream s) {
        s.println(VERSION + ": mean-field and spiking-network models of cortical networks (Carlu et al. 2020)");
        s.println();
        s.println("usage: neuromf COMMAND [options]");
        s.println("  paper        the paper's pipeline (HH and AdEx): transfer functions, networks, mean field, report --out DIR");
        s.println("  simulate     simulate a spiking network, e.g. --config HH_RS--HH_FS--CONFIG1 --tstop 2000 --seed 5 --out DIR");
        s.println("  sweep        simulate the network over values, e.g. --values drive_rate_hz=2:8:4 --seeds 3 --out DIR");
        s.println("  tf-scan      measure a transfer function, e.g. --cell HH_RS --network CONFIG1 --out DIR");
        s.println("  tf-fit       fit the template to measured samples: --samples DIR/tf_samples.csv --cell HH_RS --out DIR");
        s.println("  tf-self-consistent  transfer functions under network-like input, to a fixed point: --config C --out DIR");
        s.println("  meanfield    run the mean field, e.g. --config HH_RS--HH_FS--CONFIG1 --drive 4 --order 2 --out DIR");
        s.println("  compare      compare a simulation with a mean field: --rates R.csv --meanfield M.csv --out DIR");
        s.println("  presets      list every cell and network preset with its parameters and units");
        s.println("  operations   list the operations (the KNIME nodes) with their parameters");
        s.println("  run-workflow run a NeuroMF KNIME workflow headless: neuromf run-workflow DIR|FILE.knwf --out DIR");
        s.println("  run OP       run one operation on CSV tables: neuromf run OP --input PORT=FILE ... --out DIR");
        s.println();
        s.println("neuromf COMMAND --help describes each command and all its options.");
    }

    /** One command: its options, and what it does with them. */
    interface Command {
        CommandSpec spec();

        int execute(ParseResult parsed, PrintStream out, PrintStream err);
    }
}

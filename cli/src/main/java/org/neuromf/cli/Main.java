package org.neuromf.cli;

import java.io.PrintStream;
import java.util.Arrays;

import org.neuromf.core.util.CancelledException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The NeuroMF command line: runs the engine's operations headless and writes CSV tables.
 * {@code neuromf presets | operations | simulate ... | run OPERATION ...}.
 */
public final class Main {

    static final String VERSION = "NeuroMF 0.1.0";

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    /** Runs a command; returns the exit code (0 success, 2 bad input, 1 failure). */
    int run(String... args) {
        Command command;
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "simulate":
                command = new SimulateCommand();
                break;
            case "tf-scan":
                command = new TransferCommands.Scan();
                break;
            case "tf-fit":
                command = new TransferCommands.Fit();
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
                command = new RunCommand(rest.length > 0 ? rest[0] : null);
                rest = rest.length > 0 ? Arrays.copyOfRange(rest, 1, rest.length) : rest;
                break;
            case "--version":
            case "-V":
                out.println(VERSION);
                return 0;
            case "":
            case "help":
            case "--help":
            case "-h":
                usage(out);
                return args.length == 0 ? 2 : 0;
            default:
                err.println("neuromf: unknown command '" + name + "'");
                usage(err);
                return 2;
        }
        CommandSpec spec = command.spec();
        spec.mixinStandardHelpOptions(true);
        spec.version(VERSION);
        CommandLine cl = new CommandLine(spec);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        try {
            ParseResult parsed = cl.parseArgs(rest);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            return command.execute(parsed, out, err);
        } catch (CommandLine.ParameterException e) {
            err.println("neuromf " + name + ": " + e.getMessage());
            err.println("(neuromf " + name + " --help lists every option)");
            return 2;
        } catch (CancelledException e) {
            err.println("neuromf " + name + ": cancelled; nothing was written");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("neuromf " + name + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("neuromf " + name + ": " + e.getMessage());
            return 1;
        }
    }

    private static void usage(PrintStream s) {
        s.println(VERSION + ": mean-field and spiking-network models of cortical networks (Carlu et al. 2020)");
        s.println();
        s.println("usage: neuromf COMMAND [options]");
        s.println("  paper        the paper's pipeline (HH and AdEx): transfer functions, networks, mean field, report --out DIR");
        s.println("  simulate     simulate a spiking network, e.g. --config HH_RS--HH_FS--CONFIG1 --tstop 2000 --seed 5 --out DIR");
        s.println("  tf-scan      measure a transfer function, e.g. --cell HH_RS --network CONFIG1 --out DIR");
        s.println("  tf-fit       fit the template to measured samples: --samples DIR/tf_samples.csv --cell HH_RS --out DIR");
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

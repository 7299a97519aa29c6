package org.neuromf.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.Range;

/**
 * The paper's analyses as KNIME workflows (the folders in test-workflows/), defined here once:
 * {@link #main} writes them, and a test checks the committed files are what this class writes.
 * Nodes read left to right; every node has a note saying what it does.
 */
public final class PaperWorkflows {

    /** The paper's HH protocol (ms): runs of 2 s, statistics after 500 ms, the stimulus peak at 1000 ms. */
    public static final double PAPER_TSTOP_MS = 2000;
    public static final double PAPER_TRANSIENT_MS = 500;
    public static final double PAPER_T0_MS = 1000;

    private PaperWorkflows() {
    }

    /**
     * The time (ms) left out of a network's statistics: 3 times the slowest time constant of its
     * cells, by when a slow variable that started far from its steady state is within e^-3 (5 %) of
     * it, and at least the paper's 500 ms, which the network itself needs (V from its random start,
     * the drive's ramp). HH_RS--HH_FS: the M current's tau_p is at most 110 ms, so 500 ms;
     * RS-cell--FS-cell: 3 tau_w = 1500 ms.
     */
    public static double transientMs(Network network) {
        return Math.max(PAPER_TRANSIENT_MS, Math.ceil(3e3 * network.slowestTimeConstant() - 1e-6));
    }

    /** The duration (ms) of a run as long after this network's transient as {@code tstopMs} after the paper's. */
    public static double durationMs(Network network, double tstopMs) {
        return tstopMs - PAPER_TRANSIENT_MS + transientMs(network);
    }

    /** The double Gaussian's peak (ms): as long after the network's transient as the paper's t0 after its own. */
    public static double stimulusPeakMs(Network network) {
        return transientMs(network) + PAPER_T0_MS - PAPER_TRANSIENT_MS;
    }

    private static String seconds(double ms) {
        return Range.format(ms / 1e3) + " s";
    }

    /** Builds one workflow: nodes with default settings plus changes, placed on a grid. */
    private static final class Builder {
        private final String name;
        private final String description;
        private final List<Workflow.Node> nodes = new ArrayList<>();
        private final List<Workflow.Connection> connections = new ArrayList<>();

        Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        /** Adds node {@code id} at grid cell (column, row) and returns its id. */
        int node(String nodeId, int column, int row, String annotation, Object... changes) {
            NodeSpec spec = Nodes.get(nodeId);
            Map<String, Object> settings = new LinkedHashMap<>();
            for (ParameterSpec s : spec.parameters()) {
                settings.put(s.key(), SettingsMapping.toSetting(s, s.defaultValue()));
            }
            for (int i = 0; i < changes.length; i += 2) {
                String key = (String) changes[i];
                ParameterSpec s = spec.parameters().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException(nodeId + " has no parameter " + key));
                settings.put(key, SettingsMapping.toSetting(s, changes[i + 1]));
            }
            int id = nodes.size() + 1;
            nodes.add(new Workflow.Node(id, spec.factoryClass(), spec.label(), settings, annotation, 60 + 180 * column,
                    60 + 170 * row));
            return id;
        }

        Builder connect(int source, int sourcePort, int dest, int destPort) {
            connections.add(new Workflow.Connection(source, sourcePort, dest, destPort));
            return this;
        }

        Workflow build() {
            return new Workflow(name, description, nodes, connections);
        }
    }

    public static List<Workflow> all() {
        return List.of(hhSpontaneous(), hhWaveform(), adex(), hhTransferFunctions(), driveSweep(), networkSweep());
    }

    /** The HH network's cells and network: returns {exc cell, inh cell, network} node ids. */
    private static int[] hhNetwork(Builder b) {
        int exc = b.node("cell-model", 0, 0, "HH_RS: regular spiking\nexcitatory cell", "preset", "HH_RS");
        int inh = b.node("cell-model", 0, 1, "HH_FS: fast spiking\ninhibitory cell", "preset", "HH_FS");
        int net = b.node("network-builder", 1, 0, "CONFIG1: 10 000 neurons,\np = 0.05, drive 4 Hz");
        b.connect(exc, 0, net, 0).connect(inh, 0, net, 1);
        return new int[] {exc, inh, net};
    }

    /** Network vs mean field and the figures, with an optional stimulus node. */
    private static Workflow networkAndMeanField(String name, String description, boolean waveform) {
        Builder b = new Builder(name, description);
        int[] hh = hhNetwork(b);
        Network net = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
        double transientMs = transientMs(net);
        double tstop = durationMs(net, PAPER_TSTOP_MS);
        int stim = waveform ? b.node("stimulus-waveform", 1, 1, "double Gaussian:\npeak 1.5 Hz at "
                + seconds(stimulusPeakMs(net)), "t0_ms", stimulusPeakMs(net), "tstop_ms", tstop) : -1;
        int sim = b.node("network-simulation", 2, 0, seconds(tstop) + ", seed 1,\n20 traced neurons", "n_rec", 20L,
                "seed", 1L, "tstop_ms", tstop, "transient_ms", transientMs);
        int mf = b.node("mean-field", 2, 1, "second order, T = 5 ms,\npublished HH fits", "tstop_ms", tstop);
        int cmp = b.node("compare", 3, 0, "network vs mean field\nafter " + Range.format(transientMs) + " ms",
                "transient_ms", transientMs);
        int act = b.node("activity-plot", 3, 1, "rates with the mean\nfield and its SD band");
        int raster = b.node("raster-plot", 4, 0, "spikes of 200 neurons\nper population");
        b.connect(hh[2], 0, sim, 0).connect(hh[2], 0, mf, 0);
        if (waveform) {
            b.connect(stim, 0, sim, 1).connect(stim, 0, mf, 3);
        }
        b.connect(sim, 0, cmp, 0).connect(mf, 0, cmp, 1).connect(sim, 2, cmp, 2);
        b.connect(sim, 0, act, 0).connect(mf, 0, act, 1).connect(sim, 1, raster, 0);
        return b.build();
    }

    static Workflow hhSpontaneous() {
        return networkAndMeanField("hh-spontaneous", "Spontaneous activity of HH_RS--HH_FS--CONFIG1 (Carlu et al. 2020):"
                + " the spiking network against the second-order mean field with the published transfer functions.",
                false);
    }

    static Workflow hhWaveform() {
        return networkAndMeanField("hh-waveform", "Response of HH_RS--HH_FS--CONFIG1 to the double-Gaussian stimulus of"
                + " the paper: the spiking network against the second-order mean field.", true);
    }

    static Workflow adex() {
        Builder b = new Builder("adex-rs-fs", "RS-cell--FS-cell--CONFIG1 (AdEx): transfer functions scanned and fitted"
                + " for both cells (RS without adaptation, which the mean field adds as W), then the network against the"
                + " mean field built from those fits, after a transient of 3 tau_w (the adaptation's time constant); and the"
                + " self-consistent transfer functions, measured under renewal input trains like the network's own, with"
                + " their first-order mean field.");
        int rs = b.node("cell-model", 0, 0, "RS-cell: adapting\nexcitatory AdEx cell", "preset", "RS-cell");
        int fs = b.node("cell-model", 0, 1, "FS-cell: inhibitory\nAdEx cell", "preset", "FS-cell");
        int rsScan = b.node("cell-model", 0, 2, "RS-cell without adaptation,\nfor its transfer function",
                "preset", "RS-cell", "changes", "a_ns=0,b_pa=0");
        int net = b.node("network-builder", 1, 0, "CONFIG1 with AdEx cells");
        Network network = NetworkBuilder.fromConfig("RS-cell--FS-cell--CONFIG1");
        double transientMs = transientMs(network);
        double tstop = durationMs(network, PAPER_TSTOP_MS);
        int scanE = b.node("transfer-function-scan", 2, 2, "scan of RS-cell\n(10 x 8 points, 4 seeds)");
        int fitE = b.node("transfer-function-fit", 3, 2, "fit of RS-cell");
        int scanI = b.node("transfer-function-scan", 2, 3, "scan of FS-cell");
        int fitI = b.node("transfer-function-fit", 3, 3, "fit of FS-cell");
        int sim = b.node("network-simulation", 2, 0, seconds(tstop) + ", seed 1,\n20 traced neurons", "n_rec", 20L,
                "seed", 1L, "tstop_ms", tstop, "transient_ms", transientMs);
        int mf = b.node("mean-field", 4, 1, "second order with\nthe fitted transfer functions", "tstop_ms", tstop);
        int cmp = b.node("compare", 5, 0, "network vs mean field\nafter " + Range.format(transientMs) + " ms = 3 tau_w",
                "transient_ms", transientMs);
        int act = b.node("activity-plot", 5, 1, "rates with the mean field");
        b.connect(rs, 0, net, 0).connect(fs, 0, net, 1);
        b.connect(rsScan, 0, scanE, 0).connect(net, 0, scanE, 1).connect(scanE, 0, fitE, 0).connect(rsScan, 0, fitE, 1)
                .connect(net, 0, fitE, 2);
        b.connect(fs, 0, scanI, 0).connect(net, 0, scanI, 1).connect(scanI, 0, fitI, 0).connect(fs, 0, fitI, 1)
                .connect(net, 0, fitI, 2);
        b.connect(net, 0, sim, 0).connect(net, 0, mf, 0).connect(fitE, 0, mf, 1).connect(fitI, 0, mf, 2);
        b.connect(sim, 0, cmp, 0).connect(mf, 0, cmp, 1).connect(sim, 2, cmp, 2);
        b.connect(sim, 0, act, 0).connect(mf, 0, act, 1);
        // short runs: one rescan takes about half a minute
        int loop = b.node("self-consistent-transfer", 2, 4, "self-consistent transfer functions:\nrenewal input trains"
                + " from the cells' own\noutput (1 rescan, 5 s runs)", "max_iterations", 1L, "tstop_ms", 5000.0,
                "transient_ms", 1000.0, "target_spikes", 100L, "max_seeds", 12L, "focus_spikes", 1000L);
        int mfLoop = b.node("mean-field", 4, 4, "first order with the\nself-consistent transfer functions",
                "tstop_ms", tstop, "order", 1L);
        b.connect(net, 0, loop, 0).connect(net, 0, mfLoop, 0).connect(loop, 1, mfLoop, 1).connect(loop, 2, mfLoop, 2);
        return b.build();
    }

    static Workflow hhTransferFunctions() {
        Builder b = new Builder("hh-transfer-functions", "Transfer functions of HH_RS and HH_FS in CONFIG1: scanned by"
                + " single-neuron simulations, fitted, and drawn with the fits; the published fits beside them.");
        int[] hh = hhNetwork(b);
        int[] cells = {hh[0], hh[1]};
        String[] names = {"HH_RS", "HH_FS"};
        for (int a = 0; a < 2; a++) {
            int scan = b.node("transfer-function-scan", 2, 2 * a, "scan of " + names[a] + "\n(10 x 8 points, 4 seeds)");
            int fit = b.node("transfer-function-fit", 3, 2 * a, "fit of " + names[a]);
            b.node("transfer-function-coefficients", 3, 2 * a + 1, "published fit of " + names[a],
                    "cell", names[a]);
            int plot = b.node("transfer-function-plot", 4, 2 * a, names[a] + ": data and fit");
            b.connect(cells[a], 0, scan, 0).connect(hh[2], 0, scan, 1);
            b.connect(scan, 0, fit, 0).connect(cells[a], 0, fit, 1).connect(hh[2], 0, fit, 2);
            b.connect(scan, 0, plot, 0).connect(fit, 0, plot, 1).connect(cells[a], 0, plot, 2).connect(hh[2], 0, plot, 3);
        }
        return b.build();
    }

    static Workflow driveSweep() {
        Builder b = new Builder("mf-drive-sweep", "Fixed points of the second-order mean field of HH_RS--HH_FS--CONFIG1"
                + " and their stability as the external drive goes from 0 to 10 Hz.");
        int[] hh = hhNetwork(b);
        int sweep = b.node("mean-field-sweep", 2, 0, "101 drives, 0 to 10 Hz:\nfixed point and stability");
        b.connect(hh[2], 0, sweep, 0);
        return b.build();
    }

    static Workflow networkSweep() {
        Builder b = new Builder("hh-network-sweep", "The spiking network HH_RS--HH_FS--CONFIG1 at external drives of 3"
                + " to 6 Hz, two seeds each, against the second-order mean field's fixed points for the same drives.");
        int[] hh = hhNetwork(b);
        int sweep = b.node("network-sweep", 2, 0, "4 drives, 3 to 6 Hz,\n2 seeds each, 1 s runs,\nwith the mean field",
                "values", "drive_rate_hz=3:6:4", "seeds", 2L, "tstop_ms", 1000.0, "transient_ms", PAPER_TRANSIENT_MS,
                "mean_field", true);
        int plot = b.node("sweep-plot", 3, 0, "rates against the drive:\nnetwork and mean field");
        b.connect(hh[2], 0, sweep, 0).connect(sweep, 0, plot, 0);
        return b.build();
    }

    /** Writes every workflow into {@code args[0]} (default test-workflows). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "test-workflows");
        for (Workflow w : all()) {
            WorkflowFiles.write(w, dir.resolve(w.name()));
        }
    }
}

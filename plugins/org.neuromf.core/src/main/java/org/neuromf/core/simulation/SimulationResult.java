package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.TimeGrid;

/** What a network simulation produced, as arrays (SI) and as the tables users see. */
public final class SimulationResult {

    /** Statistics of one population after the transient. */
    public record Summary(String population, int neurons, double meanRate, double rateSd, double cvIsi, int cvIsiNeurons,
            double synchronyChi, long spikeCount, double activeFraction) {
    }

    public static final TableSchema SPIKES_SCHEMA = TableSchema.of(
            ColumnSpec.real("time_ms", "time of the step in which the spike was emitted"),
            ColumnSpec.integer("neuron", "index of the neuron within its population, from 0"),
            ColumnSpec.text("population", "population of the neuron"));

    public static final TableSchema SUMMARY_SCHEMA = TableSchema.of(
            ColumnSpec.text("population", "population"),
            ColumnSpec.integer("neurons", "number of neurons"),
            ColumnSpec.real("mean_rate_hz", "mean firing rate per neuron after the transient"),
            ColumnSpec.real("rate_sd_hz", "standard deviation of the population rate in sync_bin bins after the transient"),
            ColumnSpec.real("cv_isi", "coefficient of variation of the interspike intervals, averaged over neurons"
                    + " with at least 3 spikes after the transient (1 for a Poisson process)"),
            ColumnSpec.integer("cv_isi_neurons", "neurons behind cv_isi"),
            ColumnSpec.real("synchrony_chi", "Golomb's synchrony index chi on spike counts in sync_bin bins: sqrt(var of"
                    + " the population mean count / mean of the single-neuron count variances); about 1/sqrt(N) when"
                    + " asynchronous, 1 when fully synchronous"),
            new ColumnSpec("spike_count", org.neuromf.core.table.ColumnType.LONG, "spikes after the transient"),
            ColumnSpec.real("active_fraction", "fraction of neurons that spiked after the transient"));

    private final String networkName;
    private final List<String> populations;
    private final int[] sizes;
    private final SimulationSettings settings;
    private final double[][] rates;
    private final double[] drive;
    private final SpikeRecord spikes;
    private final int[] recorded;
    private final double[][] traces;
    private final Summary[] summary;
    private final List<String> warnings;

    SimulationResult(String networkName, List<String> populations, int[] sizes, SimulationSettings settings,
            double[][] rates, double[] drive, SpikeRecord spikes, int[] recorded,
            double[][] traces, Summary[] summary, List<String> warnings) {
        this.networkName = networkName;
        this.populations = List.copyOf(populations);
        this.sizes = sizes;
        this.settings = settings;
        this.rates = rates;
        this.drive = drive;
        this.spikes = spikes;
        this.recorded = recorded;
        this.traces = traces;
        this.summary = summary;
        this.warnings = List.copyOf(warnings);
    }

    /** time_ms, rate_POP_hz for each population, drive_hz. */
    public static TableSchema ratesSchema(List<String> populations) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.real("time_ms", "start of the bin"));
        for (String p : populations) {
            cols.add(ColumnSpec.real("rate_" + p + "_hz", "population rate of " + p + ": spikes / neurons / bin width"));
        }
        cols.add(ColumnSpec.real("drive_hz", "external rate per synapse nu_ext(t) of the first population:"
                + " drive + kick + stimulus, averaged over the bin"));
        return new TableSchema(cols);
    }

    /** time_ms, population, neuron, v_mv, g_PRE_ns for each presynaptic population. */
    public static TableSchema tracesSchema(List<String> populations) {
        List<ColumnSpec> cols = new ArrayList<>();
        cols.add(ColumnSpec.real("time_ms", "time"));
        cols.add(ColumnSpec.text("population", "population of the neuron"));
        cols.add(ColumnSpec.integer("neuron", "index of the neuron within its population"));
        cols.add(ColumnSpec.real("v_mv", "membrane potential"));
        for (String p : populations) {
            cols.add(ColumnSpec.real("g_" + p + "_ns", "synaptic conductance from population " + p));
        }
        return new TableSchema(cols);
    }

    public String networkName() {
        return networkName;
    }

    public List<String> populations() {
        return populations;
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** Population rate of population p per rate bin (Hz). */
    public double[] rate(int p) {
        return rates[p].clone();
    }

    /** The spikes kept (all of them, unless max_spikes or the heap stopped the recording: see the warnings). */
    public int spikeCount() {
        return (int) spikes.count();
    }

    public Summary summary(int p) {
        return summary[p];
    }

    public List<String> warnings() {
        return warnings;
    }

    public Table ratesTable() {
        int bins = drive.length;
        double binMs = settings.rateBinSteps() * settings.dt() * 1e3;
        Object[] cols = new Object[populations.size() + 2];
        double[] time = new double[bins];
        for (int b = 0; b < bins; b++) {
            time[b] = TimeGrid.ms(b, binMs);
        }
        cols[0] = time;
        for (int p = 0; p < populations.size(); p++) {
            cols[1 + p] = rates[p]; // shared: neither this result nor the table changes them
        }
        cols[cols.length - 1] = drive;
        return Table.ofColumns(ratesSchema(populations), cols);
    }

    public Table spikesTable() {
        int n = spikeCount();
        double[] time = new double[n];
        int[] neuron = new int[n];
        String[] pop = new String[n];
        double dtMs = settings.dt() * 1e3;
        int[] row = new int[1];
        spikes.forEach((step, index, population) -> {
            time[row[0]] = TimeGrid.ms(step, dtMs);
            neuron[row[0]] = index;
            pop[row[0]] = populations.get(population);
            row[0]++;
        });
        return Table.ofColumns(SPIKES_SCHEMA, time, neuron, pop);
    }

    public Table tracesTable() {
        int pops = populations.size();
        int steps = settings.steps();
        int rows = 0;
        for (int r : recorded) {
            rows += r * steps;
        }
        double[] time = new double[rows];
        String[] pop = new String[rows];
        int[] neuron = new int[rows];
        double[][] values = new double[1 + pops][rows];
        double dtMs = settings.dt() * 1e3;
        int row = 0;
        for (int p = 0; p < pops; p++) {
            for (int i = 0; i < recorded[p]; i++) {
                int base = i * (1 + pops) * steps;
                for (int k = 0; k < steps; k++, row++) {
                    time[row] = TimeGrid.ms(k, dtMs);
                    pop[row] = populations.get(p);
                    neuron[row] = i;
                    values[0][row] = traces[p][base + k] * 1e3;
                    for (int c = 0; c < pops; c++) {
                        values[1 + c][row] = traces[p][base + (1 + c) * steps + k] * 1e9;
                    }
                }
            }
        }
        Object[] cols = new Object[4 + pops];
        cols[0] = time;
        cols[1] = pop;
        cols[2] = neuron;
        for (int c = 0; c <= pops; c++) {
            cols[3 + c] = values[c];
        }
        return Table.ofColumns(tracesSchema(populations), cols);
    }

    public Table summaryTable() {
        Table.Builder b = Table.builder(SUMMARY_SCHEMA);
        for (Summary s : summary) {
            b.addRow(s.population(), s.neurons(), s.meanRate(), s.rateSd(), s.cvIsi(), s.cvIsiNeurons(), s.synchronyChi(),
                    s.spikeCount(), s.activeFraction());
        }
        return b.build();
    }
}

package org.neuromf.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neuromf.core.network.Network;

/**
 * What a network simulation keeps: binned population rates and the drive, spikes (up to a limit),
 * traces, and the counts behind the summary (rates, CV of ISI, synchrony) after the transient.
 * Fed by {@link NetworkSimulator} on the simulating thread, in step order.
 */
final class Recorder {

    private final Network network;
    private final SimulationSettings settings;
    private final NeuronGroup[] groups;
    private final int pops;
    private final int steps;
    private final int transientSteps;
    private final int rateBin;
    private final int syncBin;
    private final List<String> warnings = new ArrayList<>();

    private final double[][] rateCounts;
    private final double[] driveSums;

    private final SpikeRecord spikes;
    private boolean spikesStopped;

    private final int[] recorded;
    private final double[][] traces;

    private final PopulationStats[] stats;

    /**
     * @param reserve bytes the heap must keep free besides the spikes, for the result tables still
     *        to be made from this record
     */
    Recorder(Network network, SimulationSettings settings, NeuronGroup[] groups, double reserve) {
        this.network = network;
        this.settings = settings;
        this.groups = groups;
        this.pops = groups.length;
        this.steps = settings.steps();
        this.transientSteps = Math.min(settings.transientSteps(), steps - 1);
        this.rateBin = settings.rateBinSteps();
        this.syncBin = settings.syncBinSteps();
        int rateBins = (steps + rateBin - 1) / rateBin;
        rateCounts = new double[pops][rateBins];
        driveSums = new double[rateBins];
        recorded = new int[pops];
        traces = new double[pops][];
        stats = new PopulationStats[pops];
        for (int p = 0; p < pops; p++) {
            recorded[p] = Math.min(settings.nRec(), groups[p].size);
            if (settings.nRec() > groups[p].size) {
                warnings.add("n_rec = " + settings.nRec() + " is more than population " + network.population(p).name()
                        + " has: all its " + groups[p].size + " neurons are recorded");
            }
            traces[p] = new double[recorded[p] * (1 + pops) * steps];
            stats[p] = new PopulationStats(groups[p].size);
        }
        spikes = new SpikeRecord(settings.recordSpikes() ? settings.maxSpikes() : 0, reserve);
    }

    /** Keeps V and the conductances of the recorded neurons among [lo, hi) of a population at the start of step k. */
    void recordTraces(int k, int pop, int lo, int hi) {
        NeuronGroup grp = groups[pop];
        double[] tr = traces[pop];
        for (int i = lo; i < Math.min(hi, recorded[pop]); i++) {
            int base = i * (1 + pops) * steps;
            tr[base + k] = grp.v[i];
            for (int c = 0; c < pops; c++) {
                tr[base + (1 + c) * steps + k] = grp.g[c][i];
            }
        }
    }

    void spike(int k, int pop, int neuron) {
        rateCounts[pop][k / rateBin]++;
        if (settings.recordSpikes() && !spikesStopped && !spikes.add(k, neuron, pop)) {
            spikesStopped = true;
            String when = " (t = " + Math.round(k * settings.dt() * 1e4) / 10.0
                    + " ms); rates and statistics still count every spike";
            warnings.add(spikes.limitReached() ? "spike recording stopped at max_spikes = " + settings.maxSpikes()
                    + " spikes" + when : "spike recording stopped at " + spikes.count() + " spikes, below max_spikes = "
                    + settings.maxSpikes() + ", because the Java heap has no room for more" + when
                    + ". To keep them all, start Java with a larger heap (-Xmx) or simulate a shorter tstop_ms");
        }
        if (k >= transientSteps) {
            stats[pop].spike(k, neuron, transientSteps);
        }
    }

    void drive(int k, int pop, double rate) {
        if (pop == 0) {
            driveSums[k / rateBin] += rate;
        }
    }

    void endStep(int k) {
        if (k >= transientSteps && (k + 1 - transientSteps) % syncBin == 0) {
            for (PopulationStats s : stats) {
                s.closeBin();
            }
        }
    }

    SimulationResult result() {
        List<String> names = new ArrayList<>();
        int[] sizes = new int[pops];
        for (int p = 0; p < pops; p++) {
            names.add(network.population(p).name());
            sizes[p] = groups[p].size;
        }
        int rateBins = driveSums.length;
        double dt = settings.dt();
        // the sums become the means in place: the recorder is done with them, and they are as large as the run is long
        double[][] rates = rateCounts;
        double[] drive = driveSums;
        for (int b = 0; b < rateBins; b++) {
            int stepsInBin = Math.min(rateBin, steps - b * rateBin);
            drive[b] = driveSums[b] / stepsInBin;
            for (int p = 0; p < pops; p++) {
                rates[p][b] = rateCounts[p][b] / (sizes[p] * stepsInBin * dt);
            }
        }
        SimulationResult.Summary[] summary = new SimulationResult.Summary[pops];
        double counted = (steps - transientSteps) * dt;
        for (int p = 0; p < pops; p++) {
            summary[p] = stats[p].summary(names.get(p), counted, syncBin * dt);
        }
        return new SimulationResult(network.name(), names, sizes, settings, rates, drive, spikes, recorded, traces,
                summary, warnings);
    }

    /** Per-neuron counts after the transient, for the summary of one population. */
    private static final class PopulationStats {
        final int size;
        final int[] lastSpike;
        final int[] counts;
        final int[] isiCount;
        final long[] isiSum;
        final double[] isiSumSq;
        final int[] inBin;
        final long[] binSum;
        final long[] binSumSq;
        final int[] touched;
        int touchedCount;
        long spikes;
        long binTotal;
        double popSum;
        double popSumSq;
        int bins;

        PopulationStats(int size) {
            this.size = size;
            lastSpike = new int[size];
            Arrays.fill(lastSpike, -1);
            counts = new int[size];
            isiCount = new int[size];
            isiSum = new long[size];
            isiSumSq = new double[size];
            inBin = new int[size];
            binSum = new long[size];
            binSumSq = new long[size];
            touched = new int[size]; // a neuron enters once per bin
        }

        void spike(int k, int neuron, int transientSteps) {
            spikes++;
            counts[neuron]++;
            int last = lastSpike[neuron];
            if (last >= transientSteps) {
                long isi = k - last;
                isiCount[neuron]++;
                isiSum[neuron] += isi;
                isiSumSq[neuron] += (double) isi * isi;
            }
            lastSpike[neuron] = k;
            if (inBin[neuron]++ == 0) {
                touched[touchedCount++] = neuron;
            }
            binTotal++;
        }

        void closeBin() {
            for (int t = 0; t < touchedCount; t++) {
                int i = touched[t];
                long c = inBin[i];
                binSum[i] += c;
                binSumSq[i] += c * c;
                inBin[i] = 0;
            }
            touchedCount = 0;
            popSum += binTotal;
            popSumSq += (double) binTotal * binTotal;
            binTotal = 0;
            bins++;
        }

        SimulationResult.Summary summary(String name, double countedTime, double syncBinTime) {
            double cvSum = 0;
            int cvNeurons = 0;
            int active = 0;
            double meanVar = 0;
            for (int i = 0; i < size; i++) {
                if (isiCount[i] >= 2) {
                    double mean = (double) isiSum[i] / isiCount[i];
                    double var = Math.max(0, isiSumSq[i] / isiCount[i] - mean * mean);
                    cvSum += Math.sqrt(var) / mean;
                    cvNeurons++;
                }
                if (counts[i] > 0) {
                    active++;
                }
                if (bins > 0) {
                    double m = (double) binSum[i] / bins;
                    meanVar += (double) binSumSq[i] / bins - m * m;
                }
            }
            double rateSd = Double.NaN;
            double chi = Double.NaN;
            if (bins > 1) {
                double m = popSum / bins;
                double popVar = Math.max(0, popSumSq / bins - m * m);
                rateSd = Math.sqrt(popVar) / (size * syncBinTime);
                meanVar /= size;
                if (meanVar > 0) {
                    chi = Math.sqrt(popVar / ((double) size * size) / meanVar);
                }
            }
            return new SimulationResult.Summary(name, size, spikes / (size * countedTime), rateSd,
                    cvNeurons > 0 ? cvSum / cvNeurons : Double.NaN, cvNeurons, chi, spikes, (double) active / size);
        }
    }
}

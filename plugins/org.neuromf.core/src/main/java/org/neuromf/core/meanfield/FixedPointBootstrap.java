package org.neuromf.core.meanfield;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.FluctuationModel;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFit;
import org.neuromf.core.transfer.TransferSamples;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.RandomStreams;
import org.neuromf.core.util.RandomStreams.Purpose;
import org.neuromf.core.util.Tasks;

/**
 * How much the noise of two transfer-function scans moves the spontaneous fixed point of the mean
 * field: a parametric bootstrap. Each replicate draws every sample's mean rate from N(fout, SE^2),
 * SE by {@link TransferSamples#standardErrors}, censored at 0 (a rate is never negative), refits
 * both transfer functions with the same options (weights from the original SEs), and finds the
 * fixed point of the mean field of the network at its drive, as Mean-Field Model does.
 *
 * <p>Replicate b draws from its own streams (seed, {@link Purpose#BOOTSTRAP}, 2 b + population), so
 * the result depends on the seed alone, whatever the number of threads.
 */
public final class FixedPointBootstrap {

    /**
     * @param fit how both transfer functions are fitted
     * @param order order of the mean field, 1 or 2
     * @param timeConstant T of the mean field (s)
     * @param replicates B, at least 2
     * @param threads replicates computed at once; 0 uses every core
     */
    public record Settings(TransferFit.Options fit, int order, double timeConstant, int replicates, long seed,
            int threads) {

        public Settings {
            if (replicates < 2) {
                throw ParameterException.outOfRange("replicates", replicates, "[2, 2147483647]",
                        "a spread needs at least 2 replicates");
            }
            if (threads < 0) {
                throw ParameterException.outOfRange("threads", threads, "[0, 2147483647]", null);
            }
        }

        /** B replicates with the defaults of Transfer Function Fit and Mean-Field Model, on every core. */
        public static Settings of(int replicates, long seed) {
            return new Settings(new TransferFit.Options(TransferFit.Weighting.STANDARD_ERROR, false), 2, 5e-3,
                    replicates, seed, 0);
        }
    }

    /**
     * One rate of the fixed point over the replicates that gave one (Hz): its sample SD, its 2.5 and
     * 97.5 % percentiles (linear interpolation between order statistics, numpy's default), and the
     * value of every replicate (NaN where it failed).
     */
    public record Spread(double sd, double low, double high, double[] replicates) {
    }

    /**
     * @param estimate the fixed point of the fits of the samples themselves
     * @param failed replicates with no fit or no converged fixed point, left out of the spreads
     */
    public record Result(FixedPoint estimate, Spread nuE, Spread nuI, int replicates, int failed) {
    }

    private FixedPointBootstrap() {
    }

    /**
     * The bootstrap of the fixed point of {@code network} (at its drive; {@link Network#withDrive}
     * for another) from the samples of its excitatory and inhibitory cells, as Transfer Function
     * Scan writes them (fe_hz, fi_hz, fout_hz, fout_sd_hz, seeds), measured with the synapses that
     * the network gives each population. The cells are those the samples were measured with (for
     * an adapting AdEx population, the cell without adaptation: the mean field adds it).
     */
    public static Result run(Network network, Cell excCell, Table excSamples, Cell inhCell, Table inhSamples,
            Settings settings, Progress progress) {
        Samples[] pops = {new Samples(network, 0, excCell, excSamples), new Samples(network, 1, inhCell,
                inhSamples)};
        progress.report(0, "fixed point of the fits of the samples");
        FixedPoint estimate = fixedPoint(network, pops, settings, null, progress);
        int b = settings.replicates();
        double[][] replicates = new double[b][];
        AtomicInteger done = new AtomicInteger();
        Runnable all = () -> IntStream.range(0, b).parallel().forEach(r -> {
            progress.checkCancelled();
            SplittableRandom[] rng = {RandomStreams.stream(settings.seed(), Purpose.BOOTSTRAP, 2L * r),
                RandomStreams.stream(settings.seed(), Purpose.BOOTSTRAP, 2L * r + 1)};
            double[] state;
            try {
                state = fixedPoint(network, pops, settings, rng, progress).state();
            } catch (MeanFieldException | IllegalArgumentException | IllegalStateException e) {
                state = null; // no fit (ParameterException, a runaway coefficient, no convergence) or no fixed point
            }
            replicates[r] = state;
            synchronized (done) { // so that the fractions reported rise
                int n = done.incrementAndGet();
                progress.report((double) n / b, "bootstrap replicate " + n + " of " + b);
            }
        });
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(Math.min(threads, b));
        try {
            pool.submit(all).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw Tasks.unchecked(e);
        } finally {
            pool.shutdownNow();
        }
        int failed = 0;
        double[] nuE = new double[b];
        double[] nuI = new double[b];
        for (int r = 0; r < b; r++) {
            failed += replicates[r] == null ? 1 : 0;
            nuE[r] = replicates[r] == null ? Double.NaN : replicates[r][MeanFieldModel.NU_E];
            nuI[r] = replicates[r] == null ? Double.NaN : replicates[r][MeanFieldModel.NU_I];
        }
        return new Result(estimate, spread(nuE), spread(nuI), b, failed);
    }

    /** As {@link #run}, from the measurements of the scans. */
    public static Result ofMeasurements(Network network, Cell excCell, List<Measurement> exc, Cell inhCell,
            List<Measurement> inh, Settings settings, Progress progress) {
        return run(network, excCell, TransferSamples.toTable(exc), inhCell, TransferSamples.toTable(inh), settings,
                progress);
    }

    /** The samples of one population, read and checked once. */
    private record Samples(String cell, FluctuationModel model, double[] fe, double[] fi, double[] w, double[] fout,
            double[] standardError) {

        Samples(Network network, int index, Cell cell, Table samples) {
            this(cell.name(), FluctuationModel.of(cell, SynapticInput.onto(network, index)),
                    TransferSamples.column(samples, TransferSamples.FE, "the samples of " + cell.name()),
                    TransferSamples.column(samples, TransferSamples.FI, "the samples of " + cell.name()),
                    TransferSamples.adaptation(samples, "the samples of " + cell.name()),
                    TransferSamples.column(samples, TransferSamples.FOUT, "the samples of " + cell.name()),
                    standardErrors(samples, cell));
        }

        private static double[] standardErrors(Table samples, Cell cell) {
            double[] se = TransferSamples.standardErrors(samples);
            if (se == null) {
                throw new ParameterException("fout_sd_hz", "the samples of " + cell.name() + " give no standard"
                        + " errors to resample from: the bootstrap needs fout_sd_hz and seeds columns, at least 2"
                        + " seeds at every point and some spread (a Transfer Function Scan with seeds >= 2)");
            }
            return se;
        }

        /** The coefficients fitted to the samples, or to a resampled copy drawn from rng (null: the samples). */
        TransferCoefficients fit(TransferFit.Options options, SplittableRandom rng) {
            double[] rate = fout;
            if (rng != null) {
                rate = new double[fout.length];
                for (int i = 0; i < rate.length; i++) {
                    rate[i] = Math.max(0, fout[i] + standardError[i] * gaussian(rng));
                }
            }
            double[] weights = options.weighting() == TransferFit.Weighting.STANDARD_ERROR ? standardError : null;
            return TransferFit.fit(cell, model, fe, fi, w, rate, weights, options.p4Term()).coefficients();
        }
    }

    private static FixedPoint fixedPoint(Network network, Samples[] pops, Settings s, SplittableRandom[] rng,
            Progress progress) {
        TransferCoefficients[] c = new TransferCoefficients[2];
        for (int a = 0; a < 2; a++) {
            c[a] = pops[a].fit(s.fit(), rng == null ? null : rng[a]);
        }
        return MeanField.fixedPoint(new MeanFieldModel(network, c, s.timeConstant(), s.order(), Waveform.NONE), 0, null,
                progress);
    }

    private static Spread spread(double[] values) {
        double[] ok = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (ok.length < 2) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, values);
        }
        double mean = Arrays.stream(ok).average().orElseThrow();
        double squares = 0;
        for (double v : ok) {
            squares += (v - mean) * (v - mean);
        }
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(ok);
        return new Spread(Math.sqrt(squares / (ok.length - 1)), p.evaluate(2.5), p.evaluate(97.5), values);
    }

    /** A standard normal variate (Box-Muller, one per two uniforms). */
    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}

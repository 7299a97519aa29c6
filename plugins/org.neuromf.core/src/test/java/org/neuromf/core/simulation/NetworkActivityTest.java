package org.neuromf.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

class NetworkActivityTest {

    private static SimulationResult run(Network net, Map<String, ?> settings) {
        return new NetworkSimulator(net, Waveform.NONE, SimulationSettings.of(settings)).run(Progress.NONE);
    }

    /**
     * HH_RS--HH_FS--CONFIG1 at full size with the 4 Hz drive: asynchronous irregular activity at
     * low rates, inhibitory cells faster than excitatory ones, and no population-wide oscillation.
     * Three seeds, 2 s each, statistics after 500 ms. The mean field of the reference file puts
     * the fixed point at 1.23 Hz (exc) and 7.73 Hz (inh).
     */
    @Tag("slow")
    @Test
    void config1SettlesIntoAsynchronousIrregularActivity() {
        Network net = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
        StringBuilder report = new StringBuilder();
        for (long seed : new long[] {1, 2, 3}) {
            SimulationResult r = run(net, Map.of("tstop_ms", 2000.0, "seed", seed, "record_spikes", false));
            SimulationResult.Summary e = r.summary(0);
            SimulationResult.Summary i = r.summary(1);
            report.append(String.format("seed %d: nu_e %.3f Hz, nu_i %.3f Hz, CV %.3f / %.3f, chi %.4f / %.4f,"
                    + " rate SD %.3f / %.3f Hz%n", seed, e.meanRate(), i.meanRate(), e.cvIsi(), i.cvIsi(), e.synchronyChi(),
                    i.synchronyChi(), e.rateSd(), i.rateSd()));
            assertTrue(e.meanRate() > 0.2 && e.meanRate() < 5, "low excitatory rate: " + report);
            assertTrue(i.meanRate() > e.meanRate() && i.meanRate() < 25, "inhibitory faster, still low: " + report);
            assertTrue(i.cvIsi() > 0.3, "irregular inhibitory spiking: " + report);
            // chi is about 1/sqrt(N) for independent neurons and 1 for full synchrony
            assertTrue(e.synchronyChi() < 0.1 && i.synchronyChi() < 0.1, "asynchronous: " + report);
            // no population oscillation: the 5 ms population rate fluctuates at most a few times
            // as much as N independent Poisson neurons would, sqrt(nu / (N bin))
            assertTrue(e.rateSd() < 4 * Math.sqrt(e.meanRate() / (e.neurons() * 0.005)), "no oscillation: " + report);
            assertTrue(i.rateSd() < 4 * Math.sqrt(i.meanRate() / (i.neurons() * 0.005)), "no oscillation: " + report);
        }
        System.out.print("HH_RS--HH_FS--CONFIG1, 4 Hz drive, 2 s:\n" + report);
    }

    /**
     * Under exact timing (the external events' times within the step are drawn from the blocks' own
     * streams, the spikes' decayed quanta computed once per step), every spike and every recorded
     * conductance is the same bit for bit with 1, 2 and 3 threads, for both drive processes.
     */
    @Test
    void theSameSeedGivesIdenticalSpikesWhateverTheThreads() {
        // 1680 excitatory and 420 inhibitory neurons: three blocks, which two and three threads split differently
        Network net = NetworkBuilder.build(org.neuromf.core.cell.CellPresets.get("HH_RS"),
                org.neuromf.core.cell.CellPresets.get("HH_FS"),
                NetworkBuilder.preset("CONFIG1").with(Map.of("neurons", 2100, "p_connect", 0.1, "drive_rate_hz", 6.0)));
        for (String process : new String[] {"poisson", "bernoulli"}) {
            Map<String, Object> base = Map.of("tstop_ms", 200.0, "transient_ms", 50.0, "seed", 9, "threads", 1,
                    "synaptic_timing", "exact", "drive_process", process, "n_rec", 100);
            SimulationResult one = run(net, base);
            Table once = one.spikesTable();
            assertTrue(once.rowCount() > 100, "the test network must spike: " + once.rowCount());
            assertEquals(once, run(net, base).spikesTable(), "same seed, same spikes");
            Map<String, Object> threads = new java.util.HashMap<>(base);
            threads.put("threads", 2);
            SimulationResult two = run(net, threads);
            assertEquals(once, two.spikesTable(), process + ": two threads, same spikes");
            assertEquals(one.tracesTable(), two.tracesTable(), process + ": two threads, same conductances");
            assertArrayEquals(one.rate(0), two.rate(0));
            threads.put("threads", 3);
            assertEquals(once, run(net, threads).spikesTable(), process + ": three threads, same spikes");
            Map<String, Object> other = new java.util.HashMap<>(base);
            other.put("seed", 10);
            assertNotEquals(once, run(net, other).spikesTable(), "another seed, other spikes");
        }
    }
}

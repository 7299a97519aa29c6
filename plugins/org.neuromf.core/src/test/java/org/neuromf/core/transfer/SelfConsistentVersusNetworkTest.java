package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.operation.NetworkSimulationOperation;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;

/**
 * The self-consistent mean field against the spiking network it describes (docs/mean-field.md
 * section 5): the loop with its defaults, from Poisson scans and no published coefficients, and the
 * network over seeds 1-3 after 3 times its slowest time constant (at least 500 ms). Regression
 * guards on what was measured: each bound is the measured difference plus two standard errors of
 * the comparison, the network's 3-seed mean and the fixed point's bootstrap SD from scan noise
 * combined (nu_e: 2.6 % HH, 2.0 % AdEx; nu_i: 0.5 %, 0.5 %).
 */
@Tag("slow")
class SelfConsistentVersusNetworkTest {

    private static final int SEEDS = 3;

    /**
     * Measured (the loop's first-order fixed point): HH nu_e +1.9 %, nu_i -0.2 % (1.197 / 7.592 against
     * 1.175 / 7.607 Hz); AdEx +2.9 %, -0.1 % (1.694 / 8.380 against 1.647 / 8.387 Hz). The goal is 5 %.
     */
    @ParameterizedTest
    @CsvSource({"HH_RS--HH_FS--CONFIG1, 2000, 0.071, 0.012", "RS-cell--FS-cell--CONFIG1, 3000, 0.069, 0.011"})
    void theSpontaneousFixedPointIsTheNetworks(String config, double tstopMs, double boundE, double boundI) {
        Network network = NetworkBuilder.fromConfig(config);
        double transientMs = Math.max(500, Math.ceil(3e3 * network.slowestTimeConstant() - 1e-6));
        double[] rates = new double[2];
        NetworkSimulationOperation sim = new NetworkSimulationOperation();
        Table net = NetworkTable.toTable(network);
        for (int seed = 1; seed <= SEEDS; seed++) {
            Table summary = sim.run(Arrays.asList(net, null), sim.defaults().with(Map.of("tstop_ms", tstopMs,
                    "transient_ms", transientMs, "seed", seed, "record_spikes", false)), Progress.NONE).table(3);
            for (int a = 0; a < 2; a++) {
                rates[a] += summary.getDouble(a, "mean_rate_hz") / SEEDS;
            }
        }
        SelfConsistentTransfer.Result r = SelfConsistentTransfer.run(network,
                ParameterValues.of(SelfConsistentTransfer.PARAMETERS, Map.of()), Progress.NONE);
        double[] fixedPoint = r.last().fixedPoint().state();
        assertEquals(rates[0], fixedPoint[MeanFieldModel.NU_E], boundE * rates[0], config + " nu_e");
        assertEquals(rates[1], fixedPoint[MeanFieldModel.NU_I], boundI * rates[1], config + " nu_i");
    }
}

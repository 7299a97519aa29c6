package org.neuromf.core.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.Fluctuations;
import org.neuromf.core.transfer.MCurrentGate;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.transfer.TransferFunction;

/** The mean field with the M-current gate of HH_RS as a state variable. */
class SlowMeanFieldTest {

    static final Network CONFIG1 = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
    static final MCurrentGate GATE = new MCurrentGate(0.17, 0.2);
    /** The published fits, HH_RS's with gate kinetics of the size a spike adds (about 1-2 ms at tau_p ~ 8 ms). */
    static final TransferCoefficients[] GATED = {TransferCoefficients.preset("HH_RS").withGate(GATE),
        TransferCoefficients.preset("HH_FS")};

    private static MeanFieldModel model(TransferCoefficients[] c, SlowCurrents slow) {
        return new MeanFieldModel(CONFIG1, c, 5e-3, 1, Waveform.NONE, slow);
    }

    /**
     * The state is nu_e, nu_i, p_e (HH_FS has no M current). At the fixed point the gate is at
     * its steady state A/B for the population's fluctuations and rate, and every derivative
     * vanishes. Newton's method stops at 1e-12 of a step, so 1e-6 leaves room for the Jacobian's
     * difference quotients; a derivative is compared with the rates of change its terms have.
     */
    @Test
    void theGateIsAtItsSteadyStateAtTheFixedPoint() {
        MeanFieldModel m = model(GATED, SlowCurrents.STATE_VARIABLES);
        assertEquals(3, m.getDimension());
        assertTrue(m.gated(0));
        assertFalse(m.gated(1));
        assertFalse(m.adapts(0) || m.adapts(1));
        assertEquals(SlowCurrents.STATE_VARIABLES, m.slowCurrents());

        FixedPoint fp = MeanField.fixedPoint(m, 0, null);
        double[] y = fp.state();
        String at = Arrays.toString(y);
        double p = m.gate(y, 0);
        assertEquals(y[2], p);
        assertEquals(0, m.gate(y, 1));
        Fluctuations f = m.fluctuations(y, 0, 0);
        double steady = GATE.steadyState(f, y[MeanFieldModel.NU_E]);
        assertTrue(steady > 0.01 && steady < 0.5, "a gate near rest: " + steady);
        assertEquals(steady, p, 1e-6 * steady, "p at " + at);

        double[] dy = new double[3];
        m.computeDerivatives(0, y, dy);
        double[] g = MCurrentGate.gaussian(f.muV(), f.sV());
        double a = g[0] + y[0] * GATE.spikeDrive();
        assertEquals(0, dy[2], 1e-6 * a, "dp/dt at " + at);
        assertEquals(0, dy[0], 1e-6 * y[0] / 5e-3, "dnu_e/dt at " + at);
        assertEquals(0, dy[1], 1e-6 * y[1] / 5e-3, "dnu_i/dt at " + at);

        // the rates are the transfer functions at the held gate, evaluated here on their own
        double fe = y[0] + CONFIG1.population(0).driveRate();
        double fi = y[1];
        TransferFunction rs = TransferFunction.of(CONFIG1.population(0).cell(), SynapticInput.onto(CONFIG1, 0), GATED[0]);
        TransferFunction fs = TransferFunction.of(CONFIG1.population(1).cell(), SynapticInput.onto(CONFIG1, 1), GATED[1]);
        assertEquals(rs.rate(fe, fi, 0, p), y[0], 1e-6 * y[0]);
        assertEquals(fs.rate(fe, fi, 0, 0), y[1], 1e-6 * y[1]);
        assertTrue(rs.rate(fe, fi, 0, 0) > 1.1 * y[0], "the gate slows the excitatory cells");
        // the M current gM p (muV - EK) is outward
        assertEquals(30e-9 * p * (f.muV() + 0.090), m.mCurrent(y, 0, 0), 1e-9 * 30e-9 * p * 0.03);
        assertEquals(0, m.mCurrent(y, 1, 0));
        assertTrue(fp.stable(), "the spontaneous state stays stable: " + Arrays.toString(fp.eigenReal()));

        MeanFieldModel paper = model(GATED, SlowCurrents.PAPER);
        assertEquals(2, paper.getDimension());
        assertFalse(paper.gated(0));
        assertEquals(2, model(MeanFieldTest.PUBLISHED, SlowCurrents.PAPER).getDimension());
        assertEquals(6, new MeanFieldModel(CONFIG1, GATED, 5e-3, 2, Waveform.NONE, SlowCurrents.STATE_VARIABLES)
                .getDimension(), "second order: nu_e, nu_i, c_ee, c_ei, c_ii, p_e");
    }

    @Test
    void aGateWithoutKineticsIsRefusedNamingSlowCurrents() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> model(MeanFieldTest.PUBLISHED, SlowCurrents.STATE_VARIABLES));
        assertEquals("slow_currents", e.key());
        assertTrue(e.getMessage().contains("slow_currents"), e.getMessage());
        assertTrue(e.getMessage().contains("HH_RS"), e.getMessage());
    }

    /**
     * The published fits already hold HH_RS's M current inside them; the gate adds its
     * conductance gM p towards EK on top, which hyperpolarises the excitatory cells: the
     * excitatory rate falls, and with it the inhibitory one that it drives.
     */
    @Test
    void theMCurrentLowersTheExcitatoryRate() {
        double[] paper = MeanField.fixedPoint(model(GATED, SlowCurrents.PAPER), 0, null).state();
        double[] gated = MeanField.fixedPoint(model(GATED, SlowCurrents.STATE_VARIABLES), 0, null).state();
        assertTrue(gated[0] < paper[0], "nu_e " + gated[0] + " with the gate against " + paper[0] + " Hz without");
        assertTrue(gated[1] < paper[1], "nu_i " + gated[1] + " with the gate against " + paper[1] + " Hz without");
        // the PAPER fixed point is the published one (MeanFieldTest checks it against the reference)
        double[] published = MeanField.fixedPoint(model(MeanFieldTest.PUBLISHED, SlowCurrents.PAPER), 0, null).state();
        assertEquals(published[0], paper[0], 1e-9 * paper[0], "the gate's kinetics do not enter the paper's mean field");
    }

    @Test
    void theGateRoundTripsThroughTheCoefficientTable() {
        Table t = GATED[0].toTable();
        assertEquals(GATE.spikeDrive(), t.getDouble(0, TransferCoefficients.GATE_SPIKE_DRIVE.name()));
        assertEquals(GATE.spikeRate(), t.getDouble(0, TransferCoefficients.GATE_SPIKE_RATE.name()));
        TransferCoefficients back = TransferCoefficients.fromTable(t, 0, "gated coefficients");
        assertEquals(GATE, back.gate());
        assertEquals(GATED[0], back);

        // no gate: empty cells, read back as none
        TransferCoefficients none = TransferCoefficients.fromTable(GATED[1].toTable(), 0, "published coefficients");
        assertNull(none.gate());
        assertEquals(GATED[1], none);

        // a table typed without the gate columns
        String[] columns = new String[TransferCoefficients.COUNT + 2];
        columns[0] = "cell";
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            columns[1 + k] = TransferCoefficients.column(k);
        }
        columns[TransferCoefficients.COUNT + 1] = "p4_term";
        Table without = t.select(columns);
        assertFalse(without.schema().names().contains(TransferCoefficients.GATE_SPIKE_DRIVE.name()));
        TransferCoefficients read = TransferCoefficients.fromTable(without, 0, "typed coefficients");
        assertNull(read.gate());
        assertEquals(Arrays.toString(GATED[0].p()), Arrays.toString(read.p()));
        assertEquals("HH_RS", read.cell());
        assertThrows(ParameterException.class, () -> model(new TransferCoefficients[] {read, GATED[1]},
                SlowCurrents.STATE_VARIABLES), "read back without a gate, it cannot make p a state variable");
    }
}

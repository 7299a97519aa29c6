package org.neuromf.core.transfer;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.HodgkinHuxleyCell;
import org.neuromf.core.network.SynapticInput;

/**
 * Maps per-synapse input rates (fe, fi) to the {@link Fluctuations} of a cell's membrane
 * (Zerlaut et al. 2018, Carlu et al. 2020; MODEL.md 4b). With no input at all the variance
 * vanishes and tauV is taken as the membrane time constant Cm / muG; negative rates count as zero.
 * The slow currents the mean field carries enter as the cell holds them during the measurement
 * (SlowCurrents#held): an adaptation current w as a constant current, an M gate p as a constant
 * conductance gM p towards EK.
 */
public final class FluctuationModel {

    private final double gL, cm, eL, gM, eK;
    private final SynapticInput in;

    public FluctuationModel(double gL, double cm, double eL, SynapticInput input) {
        this(gL, cm, eL, 0, 0, input);
    }

    /** With an M current of maximal conductance gM (S) and reversal eK (V). */
    public FluctuationModel(double gL, double cm, double eL, double gM, double eK, SynapticInput input) {
        this.gL = gL;
        this.cm = cm;
        this.eL = eL;
        this.gM = gM;
        this.eK = eK;
        this.in = input;
    }

    public static FluctuationModel of(Cell cell, SynapticInput input) {
        if (cell instanceof HodgkinHuxleyCell hh) {
            return new FluctuationModel(hh.gL, hh.cm, hh.eL, hh.gM, hh.eK, input);
        }
        return new FluctuationModel(cell.leakConductance(), cell.capacitance(), cell.leakReversal(), input);
    }

    public SynapticInput input() {
        return in;
    }

    public double leakConductance() {
        return gL;
    }

    public double capacitance() {
        return cm;
    }

    public double leakReversal() {
        return eL;
    }

    /** The M current's maximal conductance (S); 0 for a cell without one. */
    public double mConductance() {
        return gM;
    }

    /** The M current's reversal potential (V). */
    public double mReversal() {
        return eK;
    }

    /** At per-synapse rates fe, fi (Hz), without adaptation current. */
    public Fluctuations at(double fe, double fi) {
        return at(fe, fi, 0, 0);
    }

    /**
     * At per-synapse rates fe, fi (Hz) with an adaptation current w (A) that replaces gL EL by
     * gL EL - w in the mean potential (di Volo et al. 2019), and the M gate held at p, which adds
     * the conductance gM p towards EK to the membrane's.
     */
    public Fluctuations at(double fe, double fi, double w, double p) {
        double feTot = in.ke() * Math.max(fe, 0);
        double fiTot = in.ki() * Math.max(fi, 0);
        double muGe = in.qe() * in.te() * feTot;
        double muGi = in.qi() * in.ti() * fiTot;
        double gSlow = gM * p;
        double muG = gL + gSlow + muGe + muGi;
        double muV = (muGe * in.ee() + muGi * in.ei() + gL * eL + gSlow * eK - w) / muG;
        double tauM = cm / muG;
        double ue = in.qe() * (in.ee() - muV) / muG * in.te();
        double ui = in.qi() * (in.ei() - muV) / muG * in.ti();
        double weightE = feTot * ue * ue;
        double weightI = fiTot * ui * ui;
        double ratioE = weightE / (in.te() + tauM);
        double ratioI = weightI / (in.ti() + tauM);
        double sV = Math.sqrt((ratioE + ratioI) / 2);
        double tauV = ratioE + ratioI > 0 ? (weightE + weightI) / (ratioE + ratioI) : tauM;
        double sGe = in.qe() * Math.sqrt(in.te() * feTot / 2);
        double sGi = in.qi() * Math.sqrt(in.ti() * fiTot / 2);
        return new Fluctuations(muGe, sGe, muGi, sGi, muG, muV, sV, tauV, tauV * gL / cm, muG / gL);
    }
}

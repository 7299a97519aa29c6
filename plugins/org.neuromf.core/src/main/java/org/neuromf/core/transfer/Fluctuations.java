package org.neuromf.core.transfer;

/**
 * The subthreshold statistics of a neuron under shot-noise conductances (MODEL.md 4b), SI.
 *
 * @param muGe mean excitatory conductance
 * @param sGe its standard deviation
 * @param muGi mean inhibitory conductance
 * @param sGi its standard deviation
 * @param muG total mean conductance, leak included
 * @param muV mean membrane potential
 * @param sV standard deviation of the membrane potential
 * @param tauV autocorrelation time of the membrane potential
 * @param tvN tauV in units of the leak time constant, {@code tauV gL / Cm}
 * @param muGn muG in units of the leak conductance
 */
public record Fluctuations(double muGe, double sGe, double muGi, double sGi, double muG, double muV, double sV,
        double tauV, double tvN, double muGn) {
}

package org.neuromf.core.network;

import static org.neuromf.core.param.Unit.HERTZ;
import static org.neuromf.core.param.Unit.MILLISECOND;
import static org.neuromf.core.param.Unit.MILLIVOLT;
import static org.neuromf.core.param.Unit.NANOSIEMENS;
import static org.neuromf.core.param.Unit.NONE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;

/**
 * Builds the two-population (excitatory, inhibitory) networks of the paper from two cells and a
 * few numbers: size, inhibitory fraction, one connection probability, and the synapse of each
 * presynaptic type. The presets CONFIG1 and Vogels-Abbott are sets of these numbers.
 */
public final class NetworkBuilder {

    public static final String EXC = "exc";
    public static final String INH = "inh";

    private static final Range POTENTIAL = Range.closed(-200, 200);
    private static final Range Q = Range.closed(0, 1e6);
    private static final Range TAU = Range.aboveUpTo(0, 1e5);

    public static final List<ParameterSpec> PARAMETERS = List.of(
            new ParameterSpec.Text("network", "Network name", "CONFIG1", "a name for the network, shown in results"),
            new ParameterSpec.Whole("neurons", "Neurons", 10000, 2, 100_000_000, "total number of neurons, Ntot"),
            ParameterSpec.Real.of("inhibitory_fraction", "Inhibitory fraction", NONE, 0.2, Range.aboveUpTo(0, 1),
                    "fraction gei of inhibitory neurons: Ne = round((1-gei) Ntot), Ni = round(gei Ntot)"),
            ParameterSpec.Real.of("p_connect", "Connection probability", NONE, 0.05, Range.PROBABILITY,
                    "probability p of a synapse between any two neurons (every pathway; no autapses)"),
            ParameterSpec.Choice.of("in_degree", "In-degree", InDegree.class, InDegree.BINOMIAL,
                    "binomial: every pair of neurons connected independently with probability p, as in the paper;"
                            + " fixed: every neuron receives exactly K = round(p N_pre) synapses from each population"
                            + " (Ke = p Ne, Ki = p Ni, those of the mean field), as large-network studies draw them:"
                            + " to keep K as the network grows, lower p_connect as 1/neurons"),
            ParameterSpec.Real.of("q_exc", "Excitatory quantal conductance", NANOSIEMENS, 1, Q,
                    "Qe: conductance increment of an excitatory synaptic event"),
            ParameterSpec.Real.of("tau_exc", "Excitatory synaptic time constant", MILLISECOND, 5, TAU,
                    "Te: decay time of the excitatory conductance"),
            ParameterSpec.Real.of("erev_exc", "Excitatory reversal", MILLIVOLT, 0, POTENTIAL,
                    "Ee: reversal potential of excitatory synapses"),
            ParameterSpec.Real.of("q_inh", "Inhibitory quantal conductance", NANOSIEMENS, 5, Q,
                    "Qi: conductance increment of an inhibitory synaptic event"),
            ParameterSpec.Real.of("tau_inh", "Inhibitory synaptic time constant", MILLISECOND, 5, TAU,
                    "Ti: decay time of the inhibitory conductance"),
            ParameterSpec.Real.of("erev_inh", "Inhibitory reversal", MILLIVOLT, -80, POTENTIAL,
                    "Ei: reversal potential of inhibitory synapses"),
            ParameterSpec.Real.of("drive_rate", "External drive", HERTZ, 4, Range.closed(0, 1e5),
                    "nu_ext: rate of each of the K_ext = p Ne external excitatory synapses of every neuron"));

    /** A named set of builder values with where they come from. */
    public record Preset(String name, Map<String, Object> values, String description) {
    }

    private static final Map<String, Preset> PRESETS = buildPresets();

    private NetworkBuilder() {
    }

    private static Map<String, Preset> buildPresets() {
        Map<String, Preset> m = new LinkedHashMap<>();
        m.put("CONFIG1", new Preset("CONFIG1", Map.of("network", "CONFIG1"),
                "sparse E/I network of Carlu et al. 2020 and Zerlaut et al. 2018: 10000 neurons, 20 % inhibitory,"
                        + " p = 0.05, Qe = 1 nS, Qi = 5 nS, Te = Ti = 5 ms, 4 Hz external drive"));
        m.put("Vogels-Abbott", new Preset("Vogels-Abbott", Map.of("network", "Vogels-Abbott", "neurons", 5000,
                "p_connect", 0.02, "q_exc_ns", 7.0, "q_inh_ns", 67.0, "tau_inh_ms", 10.0, "drive_rate_hz", 0.0),
                "Vogels and Abbott (2005) conductance-based benchmark: 5000 neurons, p = 0.02, Qe = 7 nS,"
                        + " Qi = 67 nS, Te = 5 ms, Ti = 10 ms, no external drive (needs a kick to start)"));
        return Collections.unmodifiableMap(m);
    }

    public static Map<String, Preset> presets() {
        return PRESETS;
    }

    /** The builder values of a preset; the message lists the presets. */
    public static ParameterValues preset(String name) {
        for (Preset p : PRESETS.values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return ParameterValues.of(PARAMETERS, p.values());
            }
        }
        throw new ParameterException("network", "unknown network preset '" + name + "'; presets: "
                + String.join(", ", PRESETS.keySet()));
    }

    /** The network of two cells with the builder values {@code v}. */
    public static Network build(Cell exc, Cell inh, ParameterValues v) {
        v = ParameterValues.of(PARAMETERS, v.asMap());
        long total = v.whole("neurons");
        double gei = v.real("inhibitory_fraction");
        int ni = (int) Math.round(gei * total);
        int ne = (int) (total - ni);
        if (ne < 1 || ni < 1) {
            throw new ParameterException("inhibitory_fraction", "inhibitory_fraction = " + gei + " with neurons = " + total
                    + " leaves " + ne + " excitatory and " + ni + " inhibitory neurons; each population needs at least one");
        }
        double p = v.real("p_connect");
        InDegree inDegree = v.choice("in_degree", InDegree.class);
        double driveSynapses = p * ne;
        double qe = v.si("q_exc_ns");
        List<Population> pops = List.of(
                new Population(EXC, ne, exc, v.real("drive_rate_hz"), driveSynapses, qe),
                new Population(INH, ni, inh, v.real("drive_rate_hz"), driveSynapses, qe));
        List<Pathway> pathways = new ArrayList<>();
        for (String post : List.of(EXC, INH)) {
            pathways.add(new Pathway(EXC, post, p, inDegree, qe, v.si("tau_exc_ms"), v.si("erev_exc_mv")));
            pathways.add(new Pathway(INH, post, p, inDegree, v.si("q_inh_ns"), v.si("tau_inh_ms"), v.si("erev_inh_mv")));
        }
        return new Network(v.text("network"), pops, pathways);
    }

    /**
     * The network named as in the authors' scripts, {@code excCell--inhCell--network}, e.g.
     * {@code HH_RS--HH_FS--CONFIG1}, from the presets.
     */
    public static Network fromConfig(String config) {
        String[] parts = config.split("--");
        if (parts.length != 3) {
            throw new ParameterException("config", "config = '" + config
                    + "' must name three presets as excitatory cell--inhibitory cell--network, e.g. HH_RS--HH_FS--CONFIG1");
        }
        return build(CellPresets.get(parts[0]), CellPresets.get(parts[1]), preset(parts[2]));
    }
}

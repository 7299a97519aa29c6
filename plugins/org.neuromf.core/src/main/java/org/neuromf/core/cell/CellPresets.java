package org.neuromf.core.cell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;

/** The named cells of Carlu et al. 2020 and its predecessors (MODEL.md section 1). */
public final class CellPresets {

    /** A preset: the cell and where its numbers come from. */
    public record Preset(Cell cell, String description) {
    }

    private static final Map<String, Preset> PRESETS = build();

    private CellPresets() {
    }

    private static Map<String, Preset> build() {
        Map<String, Preset> m = new LinkedHashMap<>();
        String hh = "Traub-Miles HH with M current (Carlu et al. 2020)";
        hh(m, "HH_RS", Map.of(), hh + ", regular spiking: gM = 30 nS");
        hh(m, "HH_FS", Map.of("gm_ns", 0), hh + ", fast spiking: no M current");
        hh(m, "HH_RS1", Map.of("gm_ns", 80), hh + ", strongly adapting: gM = 80 nS");
        hh(m, "HH_RS2", Map.of("gm_ns", 15), hh + ", weakly adapting: gM = 15 nS");
        hh(m, "HH_RS_noAd", Map.of("gm_ns", 0, "gl_ns", 20), hh + ", no adaptation, doubled leak: gM = 0, gL = 20 nS");
        hh(m, "HH_RS_A", Map.of("cm_pf", 50), hh + ", small cell: Cm = 50 pF");

        Map<String, Object> lif = Map.of("cm_pf", 150, "el_mv", -60, "vthre_mv", -50, "vreset_mv", -60,
                "delta_v_mv", 0, "a_ns", 0, "b_pa", 0);
        adex(m, "LIF", lif, "leaky integrate-and-fire (Zerlaut et al. 2018)");
        adex(m, "EIF", with(lif, "delta_v_mv", 2), "exponential integrate-and-fire (Zerlaut et al. 2018)");
        adex(m, "AdExp", with(with(with(lif, "delta_v_mv", 2), "a_ns", 4), "b_pa", 20),
                "adaptive exponential integrate-and-fire (Zerlaut et al. 2018)");
        adex(m, "RS-cell", Map.of(), "regular-spiking AdEx with adaptation (di Volo et al. 2019)");
        adex(m, "RS-cell2", Map.of("a_ns", 0, "b_pa", 0), "regular-spiking AdEx without adaptation");
        adex(m, "FS-cell", Map.of("delta_v_mv", 0.5, "a_ns", 0, "b_pa", 0), "fast-spiking AdEx (Zerlaut et al. 2018)");

        String ml = "Morris-Lecar after Rinzel and Ermentrout (1989): their conductance densities (gL 2, gCa %s, gK 8 mS/cm2)"
                + " times 3e-5 cm2 on the 200 pF membrane, activation curves (V1, V3) shifted %s mV down and phi raised"
                + " to %s/ms, so that under CONFIG1 input (fi = 8 Hz) it fires from fe = %s Hz up to about %s Hz with"
                + " all-or-none spikes (the same counts at detection thresholds -30 and 0 mV); %s";
        ml(m, "ML_RS", Map.of(), String.format(ml, "4", "15", "0.13", "6", "40",
                "class I (saddle-node on invariant circle), like regular-spiking cells"));
        ml(m, "ML_FS", Map.of("gca_ns", 132, "v1_mv", -26.2, "v3_mv", -23, "v4_mv", 30, "phi_per_ms", 0.15),
                String.format(ml, "4.4", "25", "0.15", "4", "24", "class II (Hopf), like fast-spiking interneurons"));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static void hh(Map<String, Preset> m, String name, Map<String, ?> changes, String description) {
        m.put(name, new Preset(CellFamily.HH.create(name, changes), description));
    }

    private static void adex(Map<String, Preset> m, String name, Map<String, ?> changes, String description) {
        m.put(name, new Preset(CellFamily.ADEX.create(name, changes), description));
    }

    private static void ml(Map<String, Preset> m, String name, Map<String, ?> changes, String description) {
        m.put(name, new Preset(CellFamily.ML.create(name, changes), description));
    }

    /** The preset with this name (exact, then ignoring case); the message lists them all. */
    public static Preset preset(String name) {
        Preset p = PRESETS.get(name);
        if (p == null) {
            for (Map.Entry<String, Preset> e : PRESETS.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            throw new ParameterException("cell", "unknown cell preset '" + name + "'; presets: " + String.join(", ", names()));
        }
        return p;
    }

    public static Cell get(String name) {
        return preset(name).cell();
    }

    public static List<String> names() {
        return new ArrayList<>(PRESETS.keySet());
    }

    public static Map<String, Preset> all() {
        return PRESETS;
    }
}

package org.neuromf.workflow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neuromf.core.meanfield.MeanFieldException;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.simulation.SimulationException;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.Progress;

/**
 * Random and extreme values (NaN, +-inf, 0, huge, negative, of the wrong type, empty) for every
 * parameter of every node, one at a time and several at once (seeded): each is refused cleanly (an
 * IllegalArgumentException whose message names the parameter) or runs to a result without infinite
 * values, or to a clean engine error (an integration that blows up); nothing else may come out.
 * Runs are cut short after a fraction of a second by cancelling, as a user would.
 */
class NodeFuzzTest {

    /** How long one accepted run may go on before it is cancelled: enough to reach its main loop. */
    private static final long RUN_BUDGET_NS = 300_000_000L;
    /** A cancelled run must stop within this (the engine checks for cancel every few thousand steps). */
    private static final long STOP_WITHIN_MS = 5_000;

    /** Small inputs, by node and port, made once by running the nodes themselves. */
    private static final Map<String, List<Table>> INPUTS = new LinkedHashMap<>();
    /** Per node, values that keep an accepted run small (the rest are the defaults). */
    private static final Map<String, Map<String, Object>> SMALL = Map.of(
            "network-builder", Map.of("neurons", 200L, "p_connect", 0.1),
            "network-simulation", Map.of("tstop_ms", 200.0, "transient_ms", 50.0),
            "network-sweep", Map.of("tstop_ms", 100.0, "transient_ms", 20.0),
            "transfer-function-scan", Map.of("fe_points", 2L, "fi_points", 1L, "seeds", 1L, "tstop_ms", 200.0,
                    "transient_ms", 50.0),
            "mean-field", Map.of("tstop_ms", 100.0),
            "mean-field-sweep", Map.of("drive_points", 3L),
            "compare", Map.of("transient_ms", 20.0));

    @BeforeAll
    static void makeInputs() {
        Table exc = run("cell-model", List.of(), Map.of("preset", "HH_RS")).table(0);
        Table inh = run("cell-model", List.of(), Map.of("preset", "HH_FS")).table(0);
        Table network = run("network-builder", List.of(exc, inh), Map.of("neurons", 200L, "p_connect", 0.1)).table(0);
        Table config1 = run("network-builder", List.of(exc, inh), Map.of()).table(0);
        Table stimulus = run("stimulus-waveform", List.of(), Map.of("tstop_ms", 200.0, "t0_ms", 100.0, "t1_ms", 20.0,
                "t2_ms", 30.0)).table(0);
        OperationResult sim = run("network-simulation", Arrays.asList(network, stimulus), Map.of("tstop_ms", 200.0,
                "transient_ms", 50.0, "n_rec", 2L));
        Table meanField = run("mean-field", Arrays.asList(config1, null, null, null), Map.of("tstop_ms", 200.0)).table(0);
        Table coefficients = run("transfer-function-coefficients", List.of(), Map.of()).table(0);
        Table samples = run("transfer-function-scan", Arrays.asList(exc, config1, null), Map.of("fe_points", 4L,
                "fi_points", 2L, "seeds", 1L, "tstop_ms", 500.0, "transient_ms", 100.0)).table(0);
        INPUTS.put("network-builder", List.of(exc, inh));
        INPUTS.put("network-simulation", Arrays.asList(network, stimulus));
        List<Table> sweepInputs = Arrays.asList(network, org.neuromf.core.sweep.SweepValues.runs(
                List.of("drive_rate_hz=3,6"), "grid"), stimulus, null, null);
        Table sweep = run("network-sweep", sweepInputs, SMALL.get("network-sweep")).table(0);
        INPUTS.put("network-sweep", sweepInputs);
        INPUTS.put("transfer-function-scan", Arrays.asList(exc, config1, null));
        INPUTS.put("transfer-function-fit", List.of(samples, exc, config1));
        INPUTS.put("mean-field", Arrays.asList(config1, coefficients, null, stimulus));
        INPUTS.put("mean-field-sweep", Arrays.asList(config1, null, null));
        INPUTS.put("compare", Arrays.asList(sim.table(0), meanField, sim.table(2)));
        INPUTS.put("self-consistent-transfer", List.of(config1));
        INPUTS.put("activity-plot", Arrays.asList(sim.table(0), meanField));
        INPUTS.put("raster-plot", List.of(sim.table(1)));
        INPUTS.put("transfer-function-plot", Arrays.asList(samples, coefficients, exc, config1));
        INPUTS.put("sweep-plot", List.of(sweep));
    }

    private static OperationResult run(String node, List<Table> inputs, Map<String, Object> values) {
        NodeSpec spec = Nodes.get(node);
        return spec.operation().run(inputs, ParameterValues.of(spec.parameters(), values), Progress.NONE);
    }

    /** Values that break things, for a parameter: as Java objects (checked) and as text (parsed). */
    private static List<Object> extremes(ParameterSpec s, SplittableRandom rng) {
        List<Object> v = new ArrayList<>(List.of("", " ", "abc", "1e400", "-1e400", "NaN", "inf", "-Infinity", "0x10",
                "1,5", "9223372036854775808", "-9223372036854775809", "1e3", "2.5", "true", "maybe"));
        v.addAll(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, -1.0, 1e308,
                -1e308, Double.MIN_VALUE, 1e-300, Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, Integer.MAX_VALUE + 1L,
                Boolean.TRUE, null, "x".repeat(10_000), "a,b\"c\nd", "../../etc/passwd"));
        if (s instanceof ParameterSpec.Real r) {
            double lo = r.range().min();
            double hi = r.range().max();
            v.addAll(List.of(lo, hi, Math.nextDown(lo), Math.nextUp(hi), lo + rng.nextDouble() * Math.min(hi - lo, 1e6)));
        } else if (s instanceof ParameterSpec.Whole w) {
            v.addAll(List.of(w.min(), w.max(), w.min() - 1, w.max() == Long.MAX_VALUE ? w.max() : w.max() + 1,
                    w.min() + rng.nextLong(Math.max(1, Math.min(w.max() - w.min(), 1000)))));
        } else if (s instanceof ParameterSpec.Choice c) {
            for (String name : c.choices()) {
                v.add(name.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return v;
    }

    /** What went wrong, case by case, so that one run shows them all. */
    private final List<String> failures = new ArrayList<>();

    private void attempt(NodeSpec node, Map<String, Object> changes, boolean asText) {
        try {
            attemptOrFail(node, changes, asText);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    /** One case: refused cleanly, or run (with a time budget) to a clean end. */
    private static void attemptOrFail(NodeSpec node, Map<String, Object> changes, boolean asText) {
        String what = node.id() + " with " + changes + (asText ? " (as text)" : "");
        ParameterValues values;
        try {
            Map<String, Object> all = new LinkedHashMap<>(SMALL.getOrDefault(node.id(), Map.of()));
            for (Map.Entry<String, Object> e : changes.entrySet()) {
                ParameterSpec s = node.parameters().stream().filter(p -> p.key().equals(e.getKey())).findFirst()
                        .orElseThrow();
                all.put(e.getKey(), asText && e.getValue() != null ? s.parse(e.getValue().toString()) : e.getValue());
            }
            values = ParameterValues.of(node.parameters(), all);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && changes.keySet().stream().anyMatch(e.getMessage()::contains),
                    what + ": the refusal names the parameter: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            fail(what + ": refused with " + e + " instead of a message naming the parameter");
            return;
        }
        List<Table> inputs = INPUTS.getOrDefault(node.id(), List.of());
        Progress budget = Budget.cancelsAfter(RUN_BUDGET_NS);
        Thread worker = new Thread(() -> {
            try {
                List<TableSchema> schemas = inputs.stream().map(t -> t == null ? null : t.schema()).toList();
                if (node.isPlot()) {
                    node.plot().check(schemas, values);
                    assertTrue(node.plot().png(inputs, values).length > 0, what);
                } else {
                    node.operation().outputSchemas(schemas, values);
                    for (Table t : node.operation().run(inputs, values, budget).tables()) {
                        assertFinite(t, what);
                    }
                }
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), what + ": a refusal without a message");
            } catch (CancelledException | SimulationException | MeanFieldException e) {
                // cut short by the budget, or an integration that blew up, said in words
            }
        });
        Throwable[] thrown = new Throwable[1];
        worker.setDaemon(true);
        worker.setUncaughtExceptionHandler((t, e) -> thrown[0] = e);
        worker.start();
        try {
            worker.join(TimeUnit.NANOSECONDS.toMillis(RUN_BUDGET_NS) + STOP_WITHIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            throw new AssertionError(what + ": still running " + STOP_WITHIN_MS + " ms after it was cancelled, in "
                    + Arrays.stream(worker.getStackTrace()).limit(4).map(String::valueOf).toList());
        }
        if (thrown[0] instanceof AssertionError a) {
            throw a;
        }
        if (thrown[0] != null) {
            Throwable e = thrown[0];
            throw new AssertionError(what + ": " + e + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"),
                    e);
        }
    }

    private static void assertFinite(Table t, String what) {
        for (int c = 0; c < t.columnCount(); c++) {
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.get(r, c) instanceof Double d) {
                    assertFalse(d.isInfinite(), what + ": " + t.schema().column(c).name() + " row " + (r + 1) + " is " + d);
                }
            }
        }
    }

    @Test
    void everyParameterOfEveryNodeAloneWithExtremeValues() {
        SplittableRandom rng = new SplittableRandom(20261201);
        for (NodeSpec node : Nodes.all()) {
            for (ParameterSpec s : node.parameters()) {
                for (Object value : extremes(s, rng)) {
                    Map<String, Object> change = new LinkedHashMap<>();
                    change.put(s.key(), value);
                    attempt(node, change, false);
                    if (value != null) {
                        attempt(node, change, true);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cases failed:\n" + String.join("\n", failures));
    }

    @Test
    void severalParametersAtOnceAtRandom() {
        SplittableRandom rng = new SplittableRandom(7);
        List<NodeSpec> nodes = Nodes.all().stream().filter(n -> !n.parameters().isEmpty()).toList();
        for (int i = 0; i < 200; i++) {
            NodeSpec node = nodes.get(rng.nextInt(nodes.size()));
            Map<String, Object> changes = new LinkedHashMap<>();
            for (int k = 1 + rng.nextInt(3); k > 0; k--) {
                ParameterSpec s = node.parameters().get(rng.nextInt(node.parameters().size()));
                List<Object> values = extremes(s, rng);
                // mostly allowed values (the last of the list is one at random), so that combinations run
                changes.put(s.key(), rng.nextInt(10) < 6 ? values.get(values.size() - 1)
                        : values.get(rng.nextInt(values.size())));
            }
            attempt(node, changes, rng.nextBoolean());
        }
        assertTrue(failures.isEmpty(), failures.size() + " cases failed:\n" + String.join("\n", failures));
    }
}

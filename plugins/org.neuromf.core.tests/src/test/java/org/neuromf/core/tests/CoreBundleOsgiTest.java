package org.neuromf.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationRegistry;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.Progress;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Runs inside Equinox (tycho-surefire): the core bundle resolves, starts, and simulates a small network. */
class CoreBundleOsgiTest {

    @Test
    void coreBundleResolvesAndSimulatesInsideOsgi() {
        Bundle self = FrameworkUtil.getBundle(CoreBundleOsgiTest.class);
        assertNotNull(self, "test class must be loaded by an OSGi bundle class loader");

        Bundle core = FrameworkUtil.getBundle(OperationRegistry.class);
        assertNotNull(core, "org.neuromf.core must be loaded as an OSGi bundle");
        assertEquals("org.neuromf.core", core.getSymbolicName());
        assertTrue((core.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                "org.neuromf.core state was " + core.getState());

        Bundle math = null;
        for (Bundle b : self.getBundleContext().getBundles()) {
            if ("org.apache.commons.math3".equals(b.getSymbolicName())) {
                math = b;
            }
        }
        assertNotNull(math, "commons-math3 bundle must be installed");
        System.out.println("[OSGi] framework=" + self.getBundleContext().getBundle(0).getSymbolicName()
                + " core=" + core.getSymbolicName() + "_" + core.getVersion() + " state=" + core.getState()
                + " math=" + math.getVersion());

        OperationRegistry ops = OperationRegistry.standard();
        Table exc = run(ops.get("cell-model"), List.of(), Map.of("preset", "HH_RS"));
        Table inh = run(ops.get("cell-model"), List.of(), Map.of("preset", "HH_FS"));
        Table network = run(ops.get("network-builder"), List.of(exc, inh), Map.of("neurons", 400, "p_connect", 0.2,
                "drive_rate_hz", 8.0));
        Operation sim = ops.get("network-simulation");
        List<Table> out = sim.run(java.util.Arrays.asList(network, null),
                sim.defaults().with(Map.of("tstop_ms", 200.0, "transient_ms", 50.0, "threads", 2)), Progress.NONE).tables();
        Table rates = out.get(0);
        assertEquals(2000, rates.rowCount(), "one rate row per 0.1 ms step");
        Table summary = out.get(3);
        double spikes = summary.getDouble(0, "spike_count") + summary.getDouble(1, "spike_count");
        assertTrue(spikes > 0, "a driven network must spike: " + summary);
        System.out.println("[OSGi] 400-neuron HH network, 200 ms: " + (long) spikes + " spikes after the transient");
    }

    private static Table run(Operation op, List<Table> inputs, Map<String, ?> values) {
        return op.run(inputs, op.defaults().with(values), Progress.NONE).table(0);
    }
}

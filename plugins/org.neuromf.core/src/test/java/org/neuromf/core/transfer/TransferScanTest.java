package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.SynapticInput;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.simulation.PresynapticInput;
import org.neuromf.core.simulation.ShotNoiseSimulator;
import org.neuromf.core.simulation.ShotNoiseSimulator.Measurement;
import org.neuromf.core.util.CancelledException;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;

/** The grid scan: the step rule, reproducibility, cancellation and bad settings. */
class TransferScanTest {

    static final SynapticInput CONFIG1 = SynapticInput.onto(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1"), 0);

    private static TransferScan.Settings settings(Object... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("tstop_ms", 2000.0, "transient_ms", 500.0, "seeds", 2));
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TransferScan.Settings.of(m);
    }

    @Test
    void rowsHalveTheStepWhereTheRateJumps() {
        Cell fs = CellPresets.get("HH_FS");
        TransferScan.Settings s = settings("fe_max_hz", 20.0, "fe_points", 6, "fi_min_hz", 8.0, "fi_max_hz", 8.0,
                "fi_points", 1, "max_jump_hz", 4.0);
        List<Measurement> row = TransferScan.grid(fs, CONFIG1, PresynapticInput.POISSON, s, Progress.NONE);
        assertEquals(6, row.size());
        assertEquals(0, row.get(0).fe(), 0);
        boolean halved = false;
        for (int i = 1; i < row.size(); i++) {
            double step = row.get(i).fe() - row.get(i - 1).fe();
            assertTrue(step > 0 && step <= 4 + 1e-12, "fe step " + step);
            assertTrue(row.get(i).meanRate() - row.get(i - 1).meanRate() <= 4 || step < 4.0 / 1000,
                    "rise " + (row.get(i).meanRate() - row.get(i - 1).meanRate()) + " Hz over " + step + " Hz");
            halved |= step < 4 - 1e-12;
            assertEquals(8, row.get(i).fi(), 0);
        }
        assertTrue(halved, "HH_FS rises by more than 4 Hz per 4 Hz of fe at fi = 8: some step was halved " + row);
    }

    @Test
    void resultsDependOnTheSeedNotOnThreadsOrHowPointsAreGiven() {
        Cell rs = CellPresets.get("HH_RS");
        List<Measurement> one = TransferScan.grid(rs, CONFIG1, PresynapticInput.POISSON, settings("fe_max_hz", 12.0, "fe_points", 4, "fi_points", 3,
                "fi_max_hz", 10.0, "threads", 1), Progress.NONE);
        List<Measurement> two = TransferScan.grid(rs, CONFIG1, PresynapticInput.POISSON, settings("fe_max_hz", 12.0, "fe_points", 4, "fi_points", 3,
                "fi_max_hz", 10.0, "threads", 2), Progress.NONE);
        assertEquals(one, two);
        double[] fe = new double[one.size()];
        double[] fi = new double[one.size()];
        for (int i = 0; i < fe.length; i++) {
            fe[i] = one.get(i).fe();
            fi[i] = one.get(i).fi();
        }
        assertEquals(one, TransferScan.points(rs, CONFIG1, PresynapticInput.POISSON, fe, fi, settings("threads", 2), Progress.NONE));
    }

    /**
     * A held adaptation current makes RS-cell the non-adapting RS-cell2 with its constant current
     * lowered by it, and the samples say where they were measured.
     */
    @Test
    void pointsWithAHeldAdaptationCurrentAreTheCellWithThatCurrent() {
        double w = 40e-12;
        double[] fe = {4, 6};
        double[] fi = {8, 8};
        Cell held = SlowCurrents.STATE_VARIABLES.held(CellPresets.get("RS-cell"), w, 0);
        List<Measurement> measured = TransferScan.points(held, CONFIG1, PresynapticInput.POISSON, fe, fi, w, 0, settings(),
                Progress.NONE);
        Cell rs2 = CellPresets.get("RS-cell2");
        List<Measurement> current = TransferScan.points(rs2.with(Map.of("i0_pa", -w * 1e12)), CONFIG1,
                PresynapticInput.POISSON, fe, fi, settings(), Progress.NONE);
        for (int i = 0; i < fe.length; i++) {
            assertEquals(w, measured.get(i).w());
            assertEquals(0, current.get(i).w());
            assertEquals(current.get(i).heldAt(w, 0), measured.get(i));
        }
        assertTrue(measured.get(1).meanRate() < TransferScan.points(rs2, CONFIG1, PresynapticInput.POISSON, fe, fi,
                settings(), Progress.NONE).get(1).meanRate(), "the adaptation current slows the cell");
    }

    @Test
    void cancelStopsTheScan() {
        AtomicInteger reports = new AtomicInteger();
        Progress cancelAfterFirstPoint = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reports.incrementAndGet();
            }

            @Override
            public void checkCancelled() {
                if (reports.get() > 0) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class, () -> TransferScan.grid(CellPresets.get("HH_RS"), CONFIG1, PresynapticInput.POISSON,
                settings("tstop_ms", 5000.0), cancelAfterFirstPoint));
        assertTrue(reports.get() < 8 * 10, "stopped early: " + reports.get() + " points reported");
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertRefused("fe_max_hz = 0", "fe_max_hz", 0.0);
        assertRefused("fe_max_hz = -5", "fe_max_hz", -5.0);
        assertRefused("fe_points = 1", "fe_points", 1);
        assertRefused("fi_points = 0", "fi_points", 0);
        assertRefused("seeds = 0", "seeds", 0);
        assertRefused("transient_ms = 2000", "transient_ms", 2000.0);
        assertRefused("fi_max_hz = 1", "fi_min_hz", 5.0, "fi_max_hz", 1.0);
        ParameterException e = assertThrows(ParameterException.class, () -> TransferScan.points(CellPresets.get("HH_RS"),
                CONFIG1, PresynapticInput.POISSON, new double[0], new double[0], settings(), Progress.NONE));
        assertTrue(e.getMessage().contains("point list is empty"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> TransferScan.points(CellPresets.get("HH_RS"), CONFIG1, PresynapticInput.POISSON,
                new double[] {-1}, new double[] {2}, settings(), Progress.NONE));
        assertTrue(e.getMessage().contains("fe_hz = -1.0"), e.getMessage());
    }

    /** 1000 x 1000 points of 1000 seeds would hold 8e9 bytes of rates alone: refused before the first point. */
    @Test
    void aScanTooLargeForTheHeapIsRefusedBeforeItStarts() {
        AtomicInteger reports = new AtomicInteger();
        Progress counting = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reports.incrementAndGet();
            }

            @Override
            public void checkCancelled() {
            }
        };
        TransferScan.Settings huge = settings("fi_points", 1000, "fe_points", 1000, "seeds", 1000);
        MemoryBudget.MemoryException e = assertThrows(MemoryBudget.MemoryException.class,
                () -> TransferScan.grid(CellPresets.get("HH_RS"), CONFIG1, PresynapticInput.POISSON, huge, counting));
        assertTrue(e.getMessage().startsWith("the transfer-function scan of HH_RS (fi_points x fe_points = 1000000"
                + " points of 1000 seeds each) needs about 41.2 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("use fewer fi_points, fe_points or seeds"), e.getMessage());
        assertEquals(0, reports.get(), "no point was measured");
        double[] many = new double[1_000_000];
        e = assertThrows(MemoryBudget.MemoryException.class, () -> TransferScan.points(CellPresets.get("HH_RS"),
                CONFIG1, PresynapticInput.POISSON, many, many, settings("seeds", 1000), counting));
        assertTrue(e.getMessage().contains("use fewer points or seeds"), e.getMessage());
    }

    /**
     * What one point allocates on its thread against the estimate of what it holds, within 5 %:
     * allocation counts garbage too (none per step; the progress and the one-time work of a new dt,
     * a few kB), and a measurement is counted with a list's reference to it.
     */
    @Test
    void theEstimateOfAPointIsWhatItAllocates() {
        Cell rs = CellPresets.get("HH_RS");
        ShotNoiseSimulator.Protocol warmUp = ShotNoiseSimulator.Protocol.fast(2.5e-5, 2e-3, 1e-3);
        ShotNoiseSimulator.measure(rs, CONFIG1, 5, 5, 1000, 1, warmUp, Progress.NONE);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // a dt of its own, so that the point builds its gating table as estimated
        ShotNoiseSimulator.Protocol protocol = ShotNoiseSimulator.Protocol.fast(3.5e-5, 2.1e-3, 1.05e-3);
        long before = threads.getCurrentThreadAllocatedBytes();
        Measurement m = ShotNoiseSimulator.measure(rs, CONFIG1, 5, 5, 1000, 1, protocol, Progress.NONE);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        double estimate = ShotNoiseSimulator.workingBytes(rs, CONFIG1, PresynapticInput.POISSON, 1000) + Measurement.bytes(1000);
        assertEquals(1000, m.rates().length);
        assertEquals(estimate, allocated, 0.05 * estimate, "estimate " + estimate + " bytes, allocated " + allocated);
    }

    private static void assertRefused(String expected, Object... keyValues) {
        ParameterException e = assertThrows(ParameterException.class, () -> settings(keyValues));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("allowed"), e.getMessage());
    }
}

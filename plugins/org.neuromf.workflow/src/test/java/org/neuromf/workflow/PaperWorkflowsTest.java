package org.neuromf.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;

class PaperWorkflowsTest {

    /** 3 of the cells' slowest time constants, never less than the paper's 500 ms; runs and stimulus shift with it. */
    @Test
    void theTransientFollowsTheSlowestCells() {
        Network hh = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
        assertEquals(500, PaperWorkflows.transientMs(hh), "3 x 110 ms of the M current is less");
        assertEquals(2000, PaperWorkflows.durationMs(hh, 2000));
        assertEquals(1000, PaperWorkflows.stimulusPeakMs(hh));
        Network adex = NetworkBuilder.fromConfig("RS-cell--FS-cell--CONFIG1");
        assertEquals(1500, PaperWorkflows.transientMs(adex), "3 tau_w");
        assertEquals(3000, PaperWorkflows.durationMs(adex, 2000));
        assertEquals(2000, PaperWorkflows.stimulusPeakMs(adex));
        Network slower = NetworkBuilder.build(CellPresets.get("RS-cell").with(Map.of("tau_w_ms", 1000.0)),
                CellPresets.get("FS-cell"), NetworkBuilder.preset("CONFIG1"));
        assertEquals(3000, PaperWorkflows.transientMs(slower));
        assertEquals(500, PaperWorkflows.transientMs(NetworkBuilder.fromConfig("RS-cell2--FS-cell--CONFIG1")),
                "without adaptation the slowest is the 20 ms membrane");
    }
}

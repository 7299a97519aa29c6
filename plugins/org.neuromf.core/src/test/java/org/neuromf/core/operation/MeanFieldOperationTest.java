package org.neuromf.core.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;

/** The mean field's time grid and memory, as a user meets them. */
class MeanFieldOperationTest {

    private static final Operation MEAN_FIELD = new MeanFieldOperation();
    private static final List<Table> CONFIG1 = Arrays.asList(
            NetworkTable.toTable(NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1")), null, null, null);

    private static Table run(double tstopMs, double dtMs) {
        return MEAN_FIELD.run(CONFIG1, MEAN_FIELD.defaults().with(Map.of("tstop_ms", tstopMs, "dt_ms", dtMs)),
                Progress.NONE).table(0);
    }

    /** Exception from configure and from a run alike. */
    private static ParameterException refused(double tstopMs, double dtMs) {
        var values = MEAN_FIELD.defaults().with(Map.of("tstop_ms", tstopMs, "dt_ms", dtMs));
        ParameterException configure = assertThrows(ParameterException.class, () -> MEAN_FIELD.outputSchemas(
                Arrays.asList(CONFIG1.get(0).schema(), null, null, null), values));
        ParameterException run = assertThrows(ParameterException.class, () -> run(tstopMs, dtMs));
        assertEquals(configure.getMessage(), run.getMessage());
        return run;
    }

    @Test
    void rowsAreWholeStepsAndTheLastIsAtTstop() {
        Table t = run(1, 0.05);
        double[] time = t.doubleColumn("time_ms");
        assertEquals(21, time.length);
        for (int k = 0; k < time.length; k++) {
            assertEquals(Double.toString(k / 20.0), Double.toString(time[k]), "row " + k + " is at k dt, printed so");
        }
        assertEquals(1.0, time[time.length - 1]);
        assertEquals(2, run(0.2, 0.2).rowCount(), "dt = tstop: the start and the end");
    }

    @Test
    void aStepLongerThanTheRunOrNotDividingItIsRefused() {
        ParameterException longer = refused(50, 100);
        assertEquals("dt_ms", longer.key());
        assertTrue(longer.getMessage().startsWith("dt_ms = 100.0 is outside the allowed range (0, tstop_ms = 50.0]"),
                longer.getMessage());
        ParameterException ragged = refused(1, 0.07);
        assertEquals("tstop_ms", ragged.key());
        assertTrue(ragged.getMessage().contains("tstop_ms = 1.0 is not a whole multiple of dt_ms = 0.07")
                && ragged.getMessage().contains("use tstop_ms = 0.98 or 1.05"), ragged.getMessage());
    }

    /** The tester's 1e10 rows: refused with the numbers before the fixed point or the integration start. */
    @Test
    void aTimeCourseTooLongForTheHeapIsRefusedBeforeIntegrating() {
        MemoryBudget.MemoryException e = assertThrows(MemoryBudget.MemoryException.class, () -> run(1e7, 0.001));
        assertTrue(e.getMessage().startsWith("the mean-field time course (10000000001 rows from 0 to tstop_ms = 1.0E7"
                + " every dt_ms = 0.001) needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("raise dt_ms or shorten tstop_ms"), e.getMessage());
    }
}

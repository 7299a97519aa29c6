package org.neuromf.core.meanfield;

import static org.neuromf.core.param.Unit.HERTZ;
import static org.neuromf.core.param.Unit.MILLISECOND;

import java.util.List;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellChanges;
import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.network.Network;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.TransferCoefficients;

/** The parameters of the mean field, its drive sweep, and how the transfer functions are found. */
public final class MeanFieldSettings {

    public static final ParameterSpec ORDER = new ParameterSpec.Whole("order", "Order", 2, 1, 2,
            "1: rates only; 2: rates with their variances and covariance (El Boustani and Destexhe 2009)");
    public static final ParameterSpec T = ParameterSpec.Real.of("t", "Time constant T", MILLISECOND, 5,
            Range.aboveUpTo(0, 1000), "time scale of the Markovian description (the authors' T = 5 ms)");

    public static final ParameterSpec SLOW_CURRENTS = ParameterSpec.Choice.of("slow_currents", "Slow currents",
            SlowCurrents.class, SlowCurrents.PAPER, "paper: as Carlu et al. 2020, the adaptation W of AdEx cells is a"
                    + " state variable and every other slow current is inside the stationary transfer function;"
                    + " state_variables: the M current of HH cells is a state variable too (its mean gate p), which lets"
                    + " the mean field follow the network's adaptation to a stimulus. Its transfer function must then carry"
                    + " the gate's kinetics: scanned with slow_currents = state_variables (the gate held), or from the"
                    + " self-consistent loop with it (the gate free where the mean field operates)");

    public static final List<ParameterSpec> PARAMETERS = List.of(ORDER, T, SLOW_CURRENTS,
            ParameterSpec.Real.of("tstop", "Duration", MILLISECOND, 2000, Range.aboveUpTo(0, 1e8),
                    "length of the time course, from the fixed point of the drive at t = 0; a whole multiple of"
                            + " dt_ms, so that the rows are at 0, dt_ms, 2 dt_ms, ... and the last at tstop_ms"),
            ParameterSpec.Real.of("dt", "Time step", MILLISECOND, 0.1, Range.aboveUpTo(0, 100),
                    "sampling of the output (tstop_ms / dt_ms + 1 rows, at most tstop_ms); also the step of the"
                            + " fixed-step methods"),
            ParameterSpec.Choice.of("method", "Integrator", MeanField.Method.class, MeanField.Method.ADAPTIVE,
                    "adaptive: Dormand-Prince 5(4) with step control; rk4 or euler: fixed step dt_ms"));

    public static final List<ParameterSpec> SWEEP_PARAMETERS = List.of(ORDER, T, SLOW_CURRENTS,
            ParameterSpec.Real.of("drive_from", "Lowest drive", HERTZ, 0, Range.closed(0, 1e4),
                    "first external rate per synapse of the sweep"),
            ParameterSpec.Real.of("drive_to", "Highest drive", HERTZ, 10, Range.closed(0, 1e4),
                    "last external rate per synapse of the sweep"),
            new ParameterSpec.Whole("drive_points", "Drive values", 101, 1, 100_000,
                    "fixed points computed, evenly spaced from drive_from_hz to drive_to_hz"));

    private MeanFieldSettings() {
    }

    /**
     * The coefficients of the cell of population {@code population}: from the table when one is
     * given, else the published fit of a cell with that preset name.
     *
     * <p>A table must have exactly one row, and the cell it names in its {@code cell} column must be
     * the population's: the same name, or the same preset with other parameter values (one name
     * ending in {@value CellChanges#CHANGED}, the name Cell Model gives a changed preset). That is
     * how the AdEx mean field is built: the transfer function of RS-cell is scanned without
     * adaptation (a_ns = b_pa = 0, named {@code RS-cell (custom)}), and the mean field adds the
     * adaptation current itself. A table that names no cell is used as given. Anything else is
     * refused, naming both cells: to use a transfer function for a cell it was not fitted for, write
     * that cell's name in the table's cell column.
     */
    public static TransferCoefficients coefficients(Network network, int population, Table table, List<String> warnings) {
        Cell cell = network.population(population).cell();
        String name = network.population(population).name();
        if (table != null) {
            InputTable in = InputTable.of(table, "the coefficient table of population " + name);
            TransferCoefficients c = TransferCoefficients.single(table, in.name());
            String fitted = in.has(TransferCoefficients.CELL.name())
                    ? table.getString(0, in.column(TransferCoefficients.CELL.name())) : null;
            if (fitted != null && !CellChanges.presetName(fitted.trim()).equals(CellChanges.presetName(cell.name()))) {
                throw new ParameterException("cell", in.name() + " holds the transfer function of cell " + fitted
                        + ", but population " + name + " is made of cell " + cell.name() + ": connect the coefficients"
                        + " of " + cell.name() + " (or, if these are meant for it, write " + cell.name() + " in the"
                        + " table's cell column)");
            }
            return c;
        }
        if (!TransferCoefficients.hasPreset(cell.name())) {
            throw new ParameterException("coefficients", "population " + name + " (cell " + cell.name() + ") has no"
                    + " transfer-function coefficients: connect a coefficient table (from Transfer Function Fit, or typed"
                    + " in with columns p0_v .. p10_v). Published fits exist for " + String.join(", ",
                            TransferCoefficients.presetNames()));
        }
        warnings.add("population " + name + ": the published transfer function of " + cell.name()
                + " (fitted in CONFIG1) is used");
        return TransferCoefficients.preset(cell.name());
    }

    /** The drives of a sweep, checked. */
    public static double[] drives(ParameterValues v) {
        double from = v.real("drive_from_hz");
        double to = v.real("drive_to_hz");
        int n = v.integer("drive_points");
        if (to < from) {
            throw ParameterException.outOfRange("drive_to_hz", to, "[drive_from_hz = " + from + ", 10000] Hz", null);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = n == 1 ? from : from + (to - from) * i / (n - 1);
        }
        return d;
    }
}

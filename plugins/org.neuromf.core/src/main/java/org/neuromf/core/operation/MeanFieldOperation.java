package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.List;

import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.meanfield.FixedPoint;
import org.neuromf.core.meanfield.MeanField;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.meanfield.MeanFieldSettings;
import org.neuromf.core.meanfield.MeanFieldTables;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.InputTable;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;

/** Mean-Field Model: the time course and the fixed point of the mean field of a network. */
public final class MeanFieldOperation extends OperationBase {

    public MeanFieldOperation() {
        super("mean-field", "Mean-Field Model", "Runs the mean-field model of the network (Carlu et al. 2020; El Boustani"
                + " and Destexhe 2009) to first or second order with time constant T: the rates of the excitatory and"
                + " inhibitory populations, their variances and covariance, and the membrane-potential and conductance"
                + " statistics they imply, over time from the fixed point of the drive, with the network's drive plus an"
                + " optional stimulus. Also gives that fixed point and its stability. Without coefficient tables the"
                + " published HH_RS and HH_FS fits are used for those cells.",
                MeanFieldSettings.PARAMETERS,
                List.of(Port.required("network", "network table (the two populations, their synapses and drive)"),
                        Port.optional("excitatory coefficients", "transfer-function coefficients of the excitatory cell"),
                        Port.optional("inhibitory coefficients", "transfer-function coefficients of the inhibitory cell"),
                        Port.optional("stimulus", "table with time_ms and rate_hz added to the drive")),
                List.of(Port.required("mean field", "time_ms, drive_hz, rates, SDs, covariance, muV, sV, tauV and"
                        + " conductances of both populations"),
                        Port.required("fixed point", "the fixed point at the drive of t = 0, with its stability")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        ParameterValues v = ParameterValues.of(MeanFieldSettings.PARAMETERS, parameters.asMap());
        MeanField.rows(v.si("tstop_ms"), v.si("dt_ms"));
        NetworkTable.populations(inputs.get(0));
        for (int i = 1; i <= 2; i++) {
            if (inputs.size() > i && inputs.get(i) != null) {
                for (int k = 0; k < TransferCoefficients.COUNT; k++) {
                    inputs.get(i).require(TransferCoefficients.column(k), "the " + inputs().get(i).name() + " table");
                }
            }
        }
        if (inputs.size() > 3 && inputs.get(3) != null) {
            Stimuli.checkTable(inputs.get(3));
        }
        return List.of(MeanFieldTables.SERIES_SCHEMA, MeanFieldTables.FIXED_POINT_SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        ParameterValues v = ParameterValues.of(MeanFieldSettings.PARAMETERS, parameters.asMap());
        Network network = NetworkTable.fromTable(inputs.get(0));
        List<String> warnings = new ArrayList<>();
        TransferCoefficients[] coefficients = coefficients(network, inputs, warnings);
        double tstop = v.si("tstop_ms");
        double dt = v.si("dt_ms");
        long rows = MeanField.rows(tstop, dt);
        Waveform stimulus = Waveform.NONE;
        if (inputs.size() > 3 && inputs.get(3) != null) {
            Table s = inputs.get(3);
            stimulus = Stimuli.fromTable(s, warnings); // checks its rows: times finite, increasing
            double last = InputTable.of(s, "the stimulus table").number(s.rowCount() - 1, "time_ms", InputTable.FINITE);
            if (last > v.real("tstop_ms") + 1e-9) {
                throw new ParameterException("tstop_ms", "the stimulus table runs to " + last + " ms, beyond tstop_ms = "
                        + v.real("tstop_ms") + ": lengthen the run or shorten the stimulus");
            }
        }
        MeanFieldModel model = new MeanFieldModel(network, coefficients, v.si("t_ms"), v.integer("order"), stimulus,
                v.choice("slow_currents", SlowCurrents.class));
        MemoryBudget.require("the mean-field time course (" + rows + " rows from 0 to tstop_ms = " + v.real("tstop_ms")
                + " every dt_ms = " + v.real("dt_ms") + ")",
                rows * MeanFieldTables.seriesBytesPerRow(model.getDimension()), "raise dt_ms or shorten tstop_ms");
        FixedPoint start = MeanField.fixedPoint(model, 0, null, progress);
        double[][] series = MeanField.integrate(model, start.state(), tstop, dt,
                v.choice("method", MeanField.Method.class), progress);
        if (!start.stable()) {
            warnings.add("the fixed point at t = 0 is unstable (largest real part of the eigenvalues "
                    + start.largestRealPart() + " /s): the time course starts where the activity would not stay");
        }
        return new OperationResult(List.of(MeanFieldTables.series(model, series, progress),
                MeanFieldTables.fixedPoints(drive -> model, List.of(start))), warnings);
    }

    /** The coefficients of both populations: from the tables given, else the published fits. */
    static TransferCoefficients[] coefficients(Network network, List<Table> inputs, List<String> warnings) {
        TransferCoefficients[] c = new TransferCoefficients[2];
        for (int a = 0; a < 2; a++) {
            Table t = inputs.size() > a + 1 ? inputs.get(a + 1) : null;
            c[a] = MeanFieldSettings.coefficients(network, a, t, warnings);
        }
        return c;
    }
}

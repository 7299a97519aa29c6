package org.neuromf.core.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import org.neuromf.core.cell.SlowCurrents;
import org.neuromf.core.meanfield.FixedPoint;
import org.neuromf.core.meanfield.MeanField;
import org.neuromf.core.meanfield.MeanFieldModel;
import org.neuromf.core.meanfield.MeanFieldSettings;
import org.neuromf.core.meanfield.MeanFieldTables;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkTable;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Waveform;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.transfer.TransferCoefficients;
import org.neuromf.core.util.MemoryBudget;
import org.neuromf.core.util.Progress;

/** Mean-Field Drive Sweep: fixed points and their stability over a range of external drives. */
public final class MeanFieldSweepOperation extends OperationBase {

    public MeanFieldSweepOperation() {
        super("mean-field-sweep", "Mean-Field Drive Sweep", "Finds the fixed point of the mean field at each external"
                + " drive of a range, continuing each from the previous one, with its stability from the eigenvalues of"
                + " the Jacobian: where the spontaneous activity of the network would settle as the drive changes.",
                MeanFieldSettings.SWEEP_PARAMETERS,
                List.of(Port.required("network", "network table"),
                        Port.optional("excitatory coefficients", "transfer-function coefficients of the excitatory cell"),
                        Port.optional("inhibitory coefficients", "transfer-function coefficients of the inhibitory cell")),
                List.of(Port.required("fixed points", "one row per drive: rates, SDs, potentials, conductances,"
                        + " largest real eigenvalue and stability")));
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        MeanFieldSettings.drives(ParameterValues.of(MeanFieldSettings.SWEEP_PARAMETERS, parameters.asMap()));
        NetworkTable.populations(inputs.get(0));
        return List.of(MeanFieldTables.FIXED_POINT_SCHEMA);
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        ParameterValues v = ParameterValues.of(MeanFieldSettings.SWEEP_PARAMETERS, parameters.asMap());
        double[] drives = MeanFieldSettings.drives(v);
        Network network = NetworkTable.fromTable(inputs.get(0));
        List<String> warnings = new ArrayList<>();
        TransferCoefficients[] coefficients = MeanFieldOperation.coefficients(network, inputs, warnings);
        DoubleFunction<MeanFieldModel> modelAt = drive -> new MeanFieldModel(network.withDrive(drive), coefficients,
                v.si("t_ms"), v.integer("order"), Waveform.NONE, v.choice("slow_currents", SlowCurrents.class));
        MemoryBudget.require("the mean-field sweep (" + drives.length + " fixed points)", drives.length
                * MeanFieldTables.fixedPointBytes(modelAt.apply(drives[0]).getDimension()), "use fewer drive_points");
        List<FixedPoint> points = MeanField.sweep(modelAt, drives, progress);
        return new OperationResult(List.of(MeanFieldTables.fixedPoints(modelAt, points)), warnings);
    }
}

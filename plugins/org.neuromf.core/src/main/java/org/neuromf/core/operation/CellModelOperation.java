package org.neuromf.core.operation;

import java.util.List;
import java.util.Map;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.cell.CellChanges;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.cell.CellTable;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** Cell Model: a cell from a preset, with optional parameter changes, as a one-row cell table. */
public final class CellModelOperation extends OperationBase {

    public static final List<ParameterSpec> PARAMETERS = List.of(
            new ParameterSpec.Choice("preset", "Preset", CellPresets.names(), "HH_RS",
                    "the cell to start from (HH_*: Hodgkin-Huxley; LIF, EIF, AdExp, RS-cell, RS-cell2, FS-cell: AdEx family;"
                            + " ML_*: Morris-Lecar)"),
            new ParameterSpec.Text("changes", "Parameter changes", "",
                    "changes to the preset's parameters, in the units of their names, e.g. gm_ns=15, gl_ns=20"),
            new ParameterSpec.Text("name", "Name", "",
                    "name of the cell; empty: the preset's name, with '" + CellChanges.CHANGED
                            + "' added when there are changes"));

    public CellModelOperation() {
        super("cell-model", "Cell Model", "Defines a single-cell model (Hodgkin-Huxley, AdEx family or Morris-Lecar) from a"
                + " preset and optional parameter changes. The cell table has one row: name, family, and every parameter"
                + " with its unit.", PARAMETERS, List.of(),
                List.of(Port.required("cell", "the cell: one row with its family and parameters")));
    }

    /** The cell these parameter values describe. */
    public static Cell cell(ParameterValues v) {
        v = ParameterValues.of(PARAMETERS, v.asMap());
        Cell preset = CellPresets.get(v.text("preset"));
        Map<String, Object> changes = CellChanges.parse(v.text("changes"), preset.family());
        String name = !v.text("name").isBlank() ? v.text("name").trim()
                : changes.isEmpty() ? preset.name() : CellChanges.changedName(preset.name());
        return preset.with(changes).named(name);
    }

    @Override
    public List<TableSchema> outputSchemas(List<TableSchema> inputs, ParameterValues parameters) {
        return List.of(CellTable.schema(cell(parameters).family()));
    }

    @Override
    public OperationResult run(List<Table> inputs, ParameterValues parameters, Progress progress) {
        return new OperationResult(List.of(CellTable.toTable(cell(parameters))), List.of());
    }
}

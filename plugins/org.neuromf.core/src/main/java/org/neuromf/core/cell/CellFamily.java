package org.neuromf.core.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;

/** The cell families the engine simulates, each with its parameter list. */
public enum CellFamily {
    HH("Hodgkin-Huxley (Traub-Miles with M current)", HodgkinHuxleyCell.PARAMETERS),
    ADEX("adaptive exponential integrate-and-fire (LIF when delta_v = 0, a = b = 0)", AdExCell.PARAMETERS),
    ML("Morris-Lecar", MorrisLecarCell.PARAMETERS);

    private final String description;
    private final List<ParameterSpec> parameters;

    CellFamily(String description, List<ParameterSpec> parameters) {
        this.description = description;
        this.parameters = parameters;
    }

    /** The name used in tables and on the command line: HH, AdEx, ML. */
    public String label() {
        return this == ADEX ? "AdEx" : name();
    }

    public String description() {
        return description;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** A cell of this family from values in customary units (checked against the parameter ranges). */
    public Cell create(String name, ParameterValues values) {
        ParameterValues v = ParameterValues.of(parameters, values.asMap());
        switch (this) {
            case HH:
                return new HodgkinHuxleyCell(name, v);
            case ADEX:
                return new AdExCell(name, v);
            default:
                return new MorrisLecarCell(name, v);
        }
    }

    public Cell create(String name, Map<String, ?> values) {
        return create(name, ParameterValues.of(parameters, values));
    }

    /** The family with this label (case ignored); the message lists the labels there are. */
    public static CellFamily byLabel(String label) {
        List<String> labels = new ArrayList<>();
        for (CellFamily f : values()) {
            if (f.label().equalsIgnoreCase(label.trim())) {
                return f;
            }
            labels.add(f.label());
        }
        throw new ParameterException("cell_model", "cell_model = '" + label + "' is not one of " + String.join(", ", labels));
    }
}

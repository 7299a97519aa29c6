package org.neuromf.knime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.SettingsMapping;

/**
 * The KNIME settings of a node's parameters: one SettingsModel per parameter, keyed by the
 * parameter key (so flow variables of that name control it), and its dialog component. Values are
 * checked by the parameter specs, whose messages name the key, the value and the allowed range.
 */
final class SettingsModels {

    private SettingsModels() {
    }

    /** A settings model holding the parameter's default. */
    static SettingsModel create(ParameterSpec s) {
        Object d = SettingsMapping.toSetting(s, s.defaultValue());
        switch (SettingsMapping.kind(s)) {
            case DOUBLE:
                return new SettingsModelDouble(s.key(), (Double) d);
            case INTEGER:
                return new SettingsModelInteger(s.key(), (Integer) d);
            case LONG:
                return new SettingsModelLong(s.key(), (Long) d);
            case BOOLEAN:
                return new SettingsModelBoolean(s.key(), (Boolean) d);
            default:
                return new SettingsModelString(s.key(), (String) d);
        }
    }

    static List<SettingsModel> create(List<ParameterSpec> specs) {
        return specs.stream().map(SettingsModels::create).toList();
    }

    /** The model's value, as a setting value (Double, Integer, Long, Boolean, String). */
    static Object value(SettingsModel m) {
        if (m instanceof SettingsModelDouble d) {
            return d.getDoubleValue();
        }
        if (m instanceof SettingsModelInteger i) {
            return i.getIntValue();
        }
        if (m instanceof SettingsModelLong l) {
            return l.getLongValue();
        }
        if (m instanceof SettingsModelBoolean b) {
            return b.getBooleanValue();
        }
        return ((SettingsModelString) m).getStringValue();
    }

    /** The parameter values the models hold; a value the spec refuses becomes an InvalidSettingsException. */
    static ParameterValues values(List<ParameterSpec> specs, List<SettingsModel> models) throws InvalidSettingsException {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (int i = 0; i < specs.size(); i++) {
                values.put(specs.get(i).key(), SettingsMapping.fromSetting(specs.get(i), value(models.get(i))));
            }
            return ParameterValues.of(specs, values);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    /** Checks stored settings by the node's specs before any model loads them. */
    static void validate(NodeSpec node, NodeSettingsRO settings) throws InvalidSettingsException {
        List<SettingsModel> copies = create(node.parameters());
        load(node, copies, settings);
        values(node.parameters(), copies);
    }

    /**
     * Loads the models of the node's parameters from stored settings; a parameter added after the
     * settings were saved takes the value they computed with ({@link SettingsMapping#savedBefore}).
     */
    static void load(NodeSpec node, List<SettingsModel> models, NodeSettingsRO settings) throws InvalidSettingsException {
        for (int i = 0; i < models.size(); i++) {
            ParameterSpec s = node.parameters().get(i);
            Object before = SettingsMapping.savedBefore(node.id(), s);
            if (before != null && !settings.containsKey(s.key())) {
                set(models.get(i), SettingsMapping.toSetting(s, before));
            } else {
                models.get(i).loadSettingsFrom(settings);
            }
        }
    }

    /** Puts a setting value (Double, Integer, Long, Boolean, String) into its model. */
    private static void set(SettingsModel m, Object value) {
        if (m instanceof SettingsModelDouble d) {
            d.setDoubleValue((Double) value);
        } else if (m instanceof SettingsModelInteger i) {
            i.setIntValue((Integer) value);
        } else if (m instanceof SettingsModelLong l) {
            l.setLongValue((Long) value);
        } else if (m instanceof SettingsModelBoolean b) {
            b.setBooleanValue((Boolean) value);
        } else {
            ((SettingsModelString) m).setStringValue((String) value);
        }
    }

    /**
     * A settings model for the dialog: like {@link #create}, but numbers are bounded by the closed
     * hull of their allowed range, so the spinner keeps inside it (the node model keeps unbounded
     * models and checks values with the spec's own message).
     */
    static SettingsModel createBounded(ParameterSpec s) {
        Object d = SettingsMapping.toSetting(s, s.defaultValue());
        switch (SettingsMapping.kind(s)) {
            case DOUBLE:
                return new SettingsModelDoubleBounded(s.key(), (Double) d, finite(SettingsMapping.lowerBound(s)),
                        finite(SettingsMapping.upperBound(s)));
            case INTEGER:
                return new SettingsModelIntegerBounded(s.key(), (Integer) d, (int) SettingsMapping.lowerBound(s),
                        (int) SettingsMapping.upperBound(s));
            case LONG:
                return new SettingsModelLongBounded(s.key(), (Long) d, ((ParameterSpec.Whole) s).min(),
                        ((ParameterSpec.Whole) s).max());
            default:
                return create(s);
        }
    }

    private static double finite(double bound) {
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, bound));
    }

    /** The dialog component of a parameter, with its unit in the label and its range in the tooltip. */
    static DialogComponent component(ParameterSpec s, SettingsModel m) {
        String label = SettingsMapping.label(s);
        DialogComponent c;
        if (s instanceof ParameterSpec.Choice choice) {
            c = new DialogComponentStringSelection((SettingsModelString) m, label, choice.choices());
        } else if (m instanceof SettingsModelBoolean b) {
            c = new DialogComponentBoolean(b, label);
        } else if (m instanceof SettingsModelString str) {
            c = new DialogComponentString(str, label);
        } else if (m instanceof SettingsModelDouble d) {
            c = new DialogComponentNumber(d, label, step(s));
        } else if (m instanceof SettingsModelInteger i) {
            c = new DialogComponentNumber(i, label, 1);
        } else {
            c = new DialogComponentNumber((SettingsModelLong) m, label, 1);
        }
        c.setToolTipText(SettingsMapping.help(s));
        return c;
    }

    /** A spinner step of about a tenth of the default (1 for 0). */
    private static double step(ParameterSpec s) {
        double d = Math.abs((Double) s.defaultValue());
        return d == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(d)) - 1);
    }
}

package org.neuromf.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.operation.CellModelOperation;
import org.neuromf.core.operation.NetworkBuilderOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.operation.StimulusWaveformOperation;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.stimulus.Stimuli;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.core.util.Progress;

/** The pieces commands chain: cells and a network from presets, a stimulus from options. */
final class Chains {

    /** The network builder's parameters that are options (all but its name). */
    static final List<ParameterSpec> BUILDER_OPTIONS = NetworkBuilder.PARAMETERS.stream()
            .filter(s -> !s.key().equals("network")).toList();

    private Chains() {
    }

    /** The three presets of {@code EXC--INH--NETWORK}. */
    static String[] config(String config) {
        String[] parts = config.split("--");
        if (parts.length != 3) {
            throw new ParameterException("config", "--config " + config
                    + " must name three presets as excitatory cell--inhibitory cell--network, e.g. HH_RS--HH_FS--CONFIG1");
        }
        return parts;
    }

    static Table cell(String preset, String changes) {
        return single(new CellModelOperation(), Map.of("preset", preset, "changes", changes));
    }

    /**
     * The network table of a config with builder options applied; the values used are added to
     * {@code used}.
     */
    static Table network(String config, String excChanges, String inhChanges, Map<String, Object> given,
            Map<String, Object> used) {
        String[] parts = config(config);
        Map<String, Object> builder = new LinkedHashMap<>(NetworkBuilder.preset(parts[2]).asMap());
        builder.putAll(ParameterOptions.only(given, BUILDER_OPTIONS));
        Operation build = new NetworkBuilderOperation();
        ParameterValues values = ParameterValues.of(build.parameters(), builder);
        used.put("config", config);
        used.put("exc_changes", excChanges);
        used.put("inh_changes", inhChanges);
        used.putAll(values.asMap());
        return build.run(List.of(cell(parts[0], excChanges), cell(parts[1], inhChanges)), values, Progress.NONE).table(0);
    }

    /**
     * The stimulus table asked for with --stimulus (null without it) over [0, tstop_ms] at dt_ms;
     * shape options without --stimulus are refused.
     */
    static Table stimulus(Map<String, Object> given, double tstopMs, double dtMs, Map<String, Object> used,
            List<String> warnings) {
        if (!given.containsKey("stimulus")) {
            for (ParameterSpec s : Stimuli.PARAMETERS) {
                if (given.containsKey(s.key())) {
                    throw new ParameterException(s.key(), "--" + s.flagName() + " shapes a stimulus: add --stimulus ("
                            + Stimuli.PARAMETERS.get(0).allowed() + ")");
                }
            }
            return null;
        }
        String shape = (String) given.get("stimulus");
        List<String> keys = Stimuli.keysOf(shape);
        for (ParameterSpec s : Stimuli.PARAMETERS.subList(1, Stimuli.PARAMETERS.size())) {
            if (given.containsKey(s.key()) && !keys.contains(s.key())) {
                throw new ParameterException(s.key(), "--" + s.flagName() + " does not shape a " + shape + " stimulus,"
                        + " which takes " + String.join(", ", Stimuli.PARAMETERS.stream().filter(p -> keys.contains(p.key()))
                                .map(p -> "--" + p.flagName()).toList()));
            }
        }
        Operation stim = new StimulusWaveformOperation();
        Map<String, Object> values = ParameterOptions.only(given, stim.parameters());
        values.put("tstop_ms", tstopMs);
        values.put("dt_ms", dtMs);
        ParameterValues parameters = ParameterValues.of(stim.parameters(), values);
        used.putAll(parameters.asMap());
        OperationResult r = stim.run(List.of(), parameters, Progress.NONE);
        warnings.addAll(r.warnings());
        return r.table(0);
    }

    static Table single(Operation op, Map<String, ?> values) {
        return op.run(List.of(), ParameterValues.of(op.parameters(), values), Progress.NONE).table(0);
    }

    /** Every value a run used, so that it can be repeated. */
    static Table parametersTable(Map<String, Object> used) {
        Table.Builder b = Table.builder(TableSchema.of(ColumnSpec.text("parameter", "setting key"),
                ColumnSpec.text("value", "value, in the unit its key names")));
        used.forEach((k, v) -> b.addRow(k, String.valueOf(v)));
        return b.build();
    }
}

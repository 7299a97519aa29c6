package org.neuromf.cli;

import java.io.PrintStream;
import java.util.Map;

import org.neuromf.core.cell.CellFamily;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.param.Range;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code neuromf presets}: every cell and network preset with its parameters and units. */
final class PresetsCommand implements Main.Command {

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf presets");
        spec.usageMessage().description("Lists every cell and network preset with its parameters and units.");
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        for (CellFamily family : CellFamily.values()) {
            out.println("== cells: " + family.label() + ", " + family.description());
            for (ParameterSpec s : family.parameters()) {
                String unit = s.unit().symbol().isEmpty() ? "" : " [" + s.unit().symbol() + "]";
                out.println("   " + s.key() + unit + ": " + s.label() + ", " + s.description());
            }
            for (Map.Entry<String, CellPresets.Preset> e : CellPresets.all().entrySet()) {
                if (e.getValue().cell().family() != family) {
                    continue;
                }
                out.println(" " + e.getKey() + ": " + e.getValue().description());
                out.println("   " + values(e.getValue().cell().parameters()));
            }
            out.println();
        }
        out.println("== networks (Network Builder values; exc--inh--NETWORK in --config)");
        for (ParameterSpec s : NetworkBuilder.PARAMETERS) {
            String unit = s.unit().symbol().isEmpty() ? "" : " [" + s.unit().symbol() + "]";
            out.println("   " + s.key() + unit + ": " + s.label() + ", " + s.description());
        }
        for (NetworkBuilder.Preset p : NetworkBuilder.presets().values()) {
            out.println(" " + p.name() + ": " + p.description());
            out.println("   " + values(NetworkBuilder.preset(p.name())));
        }
        return 0;
    }

    private static String values(ParameterValues v) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Object> e : v.asMap().entrySet()) {
            Object x = e.getValue();
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                    .append(x instanceof Double ? Range.format((Double) x) : x);
        }
        return s.toString();
    }
}

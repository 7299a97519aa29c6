package org.neuromf.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.param.Range;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Command-line options made from parameter specs: {@code tstop_ms} becomes {@code --tstop} (and
 * {@code --tstop-ms}). Specs with the same key in several operations share one option; values are
 * checked by the spec, so messages name the parameter and its allowed range.
 */
final class ParameterOptions {

    private final Map<String, ParameterSpec> byKey = new LinkedHashMap<>();
    private final Map<String, String> optionToKey = new LinkedHashMap<>();
    private final Map<String, List<String>> aliases = new LinkedHashMap<>();

    /** One more name for the option of a key (call before {@link #add}): {@code --drive} for drive_rate_hz. */
    ParameterOptions alias(String key, String name) {
        aliases.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
        return this;
    }

    /** Adds options for these specs to the command; keys already added are skipped. */
    ParameterOptions add(CommandSpec command, List<ParameterSpec> specs) {
        for (ParameterSpec s : specs) {
            if (byKey.containsKey(s.key())) {
                continue;
            }
            byKey.put(s.key(), s);
            List<String> names = new ArrayList<>();
            names.add("--" + s.flagName());
            String full = "--" + s.key().replace('_', '-');
            if (!names.contains(full)) {
                names.add(full);
            }
            names.addAll(aliases.getOrDefault(s.key(), List.of()));
            for (String n : names) {
                optionToKey.put(n, s.key());
            }
            command.addOption(OptionSpec.builder(names.toArray(new String[0]))
                    .paramLabel(label(s))
                    .type(String.class)
                    .description(describe(s).replace("%", "%%")) // picocli formats descriptions
                    .build());
        }
        return this;
    }

    private static String label(ParameterSpec s) {
        if (s instanceof ParameterSpec.Choice) {
            return String.join("|", ((ParameterSpec.Choice) s).choices());
        }
        return s.unit().symbol().isEmpty() ? "VALUE" : s.unit().symbol();
    }

    static String describe(ParameterSpec s) {
        Object d = s.defaultValue();
        String def = d instanceof Double ? Range.format((Double) d) : String.valueOf(d);
        String unit = s.unit().symbol().isEmpty() ? "" : " " + s.unit().symbol();
        return s.label() + ": " + s.description() + " (default " + (def.isEmpty() ? "empty" : def) + unit + "; allowed "
                + s.allowed() + ")";
    }

    /** The values given on the command line, by parameter key, checked against their specs. */
    Map<String, Object> values(ParseResult parsed) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec o : parsed.matchedOptions()) {
            String key = key(o);
            if (key != null) {
                values.put(key, byKey.get(key).parse(o.getValue().toString()));
            }
        }
        return values;
    }

    /** The parameter key of an option, or null where it is not one of these parameters. */
    String key(OptionSpec option) {
        return optionToKey.get(option.longestName());
    }

    /** The subset of {@code values} that these specs know. */
    static Map<String, Object> only(Map<String, Object> values, List<ParameterSpec> specs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec s : specs) {
            if (values.containsKey(s.key())) {
                out.put(s.key(), values.get(s.key()));
            }
        }
        return out;
    }
}

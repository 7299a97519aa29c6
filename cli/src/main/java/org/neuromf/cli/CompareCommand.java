package org.neuromf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.neuromf.charts.MeanFieldChart;
import org.neuromf.charts.RateHistogramChart;
import org.neuromf.core.analysis.Comparison;
import org.neuromf.core.operation.CompareOperation;
import org.neuromf.core.operation.Operation;
import org.neuromf.core.operation.OperationResult;
import org.neuromf.core.param.ParameterValues;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.util.OutputFolder;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code neuromf compare}: a network simulation's tables against a mean field's. */
final class CompareCommand implements Main.Command {

    private final ParameterOptions options = new ParameterOptions();
    private final Operation compare = new CompareOperation();

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("neuromf compare");
        spec.usageMessage().description("Compares a network simulation with a mean field and writes comparison.csv"
                + " (network, mean field and difference per population and quantity) and histogram.csv into --out.");
        spec.addOption(OptionSpec.builder("--rates").paramLabel("FILE.csv").type(Path.class).required(true)
                .description("rates.csv of neuromf simulate").build());
        spec.addOption(OptionSpec.builder("--meanfield").paramLabel("FILE.csv").type(Path.class).required(true)
                .description("meanfield.csv of neuromf meanfield").build());
        spec.addOption(OptionSpec.builder("--traces").paramLabel("FILE.csv").type(Path.class)
                .description("traces.csv of neuromf simulate --n-rec N: adds potential and conductance statistics").build());
        spec.addOption(OptionSpec.builder("--out").paramLabel("DIR").type(Path.class).required(true)
                .description("folder for the result tables").build());
        spec.addOption(OptionSpec.builder("--quiet", "-q").arity("0").type(boolean.class).description("print no progress")
                .build());
        options.add(spec, compare.parameters());
        return spec;
    }

    @Override
    public int execute(ParseResult parsed, PrintStream out, PrintStream err) {
        ParameterValues values = ParameterValues.of(compare.parameters(), options.values(parsed));
        Path ratesFile = parsed.matchedOptionValue("--rates", null);
        Path meanFieldFile = parsed.matchedOptionValue("--meanfield", null);
        Path tracesFile = parsed.matchedOptionValue("--traces", null);
        Table rates = Csv.read(ratesFile);
        Table meanField = Csv.read(meanFieldFile);
        Table traces = tracesFile == null ? null : Csv.read(tracesFile);
        List<String> written;
        Table comparison;
        try (OutputFolder folder = Outputs.open(parsed, "compare", ratesFile, meanFieldFile, tracesFile)) {
            OperationResult r = compare.run(Arrays.asList(rates, meanField, traces), values,
                    new ConsoleProgress(err, parsed.matchedOptionValue("--quiet", false)));
            comparison = r.table(0);
            Map<String, Table> outputs = new LinkedHashMap<>();
            outputs.put("comparison.csv", comparison);
            outputs.put("histogram.csv", r.table(1));
            Map<String, JFreeChart> figures = new LinkedHashMap<>();
            figures.put("comparison.png", MeanFieldChart.create(rates, meanField, values.real("bin_ms")));
            for (String pop : Comparison.populations(rates)) {
                figures.put("histogram_" + pop + ".png", RateHistogramChart.create(
                        Comparison.binnedRates(rates, pop, values.real("transient_ms"), values.real("bin_ms")),
                        predicted(comparison, pop, "mean_rate"), predicted(comparison, pop, "rate_sd_"), pop,
                        "Population rate in " + values.real("bin_ms") + " ms bins"));
            }
            Outputs.tables(folder, outputs);
            Outputs.figures(folder, figures);
            written = folder.commit();
        }
        Summaries.print(comparison.select("population", "quantity", "unit", "network", "mean_field", "difference"), out);
        out.println("wrote " + String.join(", ", written) + " to " + parsed.matchedOptionValue("--out", null));
        return 0;
    }

    /** The mean field's value of the first quantity of population pop that starts with {@code quantity}. */
    private static double predicted(Table comparison, String pop, String quantity) {
        for (int r = 0; r < comparison.rowCount(); r++) {
            if (comparison.getString(r, "population").equals(pop) && comparison.getString(r, "quantity").startsWith(quantity)) {
                return comparison.getDouble(r, "mean_field");
            }
        }
        return Double.NaN;
    }
}

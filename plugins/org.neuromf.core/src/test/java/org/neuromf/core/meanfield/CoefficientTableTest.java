package org.neuromf.core.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.network.Network;
import org.neuromf.core.network.NetworkBuilder;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;
import org.neuromf.core.transfer.TransferCoefficients;

/** Coefficient tables given to the mean field: one row, the population's cell, sane values. */
class CoefficientTableTest {

    private static final Network HH = NetworkBuilder.fromConfig("HH_RS--HH_FS--CONFIG1");
    private static final Network ADEX = NetworkBuilder.fromConfig("RS-cell--FS-cell--CONFIG1");

    @TempDir
    Path dir;

    private static Table named(String cell, String preset) {
        return TransferCoefficients.of(cell, TransferCoefficients.preset(preset).p(), false).toTable();
    }

    private static String refused(Network network, int population, Table table) {
        return assertThrows(IllegalArgumentException.class,
                () -> MeanFieldSettings.coefficients(network, population, table, new ArrayList<>())).getMessage();
    }

    /** The HH_RS table written to a file with one cell of its row replaced, and read back. */
    private Table edited(String column, String value) throws Exception {
        Path f = dir.resolve("coefficients.csv");
        Csv.write(TransferCoefficients.preset("HH_RS").toTable(), f);
        List<String> lines = Files.readAllLines(f);
        int c = List.of(lines.get(0).split(",")).indexOf(column);
        String[] row = lines.get(1).split(",", -1);
        row[c] = value;
        Files.write(f, List.of(lines.get(0), String.join(",", row)));
        return Csv.read(f);
    }

    @Test
    void theTableOfAnotherCellIsRefusedNamingBoth() {
        assertEquals("the coefficient table of population exc holds the transfer function of cell HH_FS, but population"
                + " exc is made of cell HH_RS: connect the coefficients of HH_RS (or, if these are meant for it, write"
                + " HH_RS in the table's cell column)", refused(HH, 0, TransferCoefficients.preset("HH_FS").toTable()));
        assertTrue(refused(ADEX, 0, named("FS-cell (custom)", "HH_FS")).contains("cell FS-cell (custom), but population"
                + " exc is made of cell RS-cell"));
    }

    @Test
    void theSamePresetWithChangedParametersIsUsedSilently() {
        // as the AdEx pipeline does: RS-cell scanned without adaptation (Cell Model names it "RS-cell (custom)")
        List<String> warnings = new ArrayList<>();
        TransferCoefficients c = MeanFieldSettings.coefficients(ADEX, 0, named("RS-cell (custom)", "HH_RS"), warnings);
        assertEquals("RS-cell (custom)", c.cell());
        assertEquals(List.of(), warnings);
        MeanFieldSettings.coefficients(ADEX, 1, named("FS-cell", "HH_FS"), warnings);
        assertEquals(List.of(), warnings);
        Table unnamed = TransferCoefficients.preset("HH_FS").toTable().select("p0_v", "p1_v", "p2_v", "p3_v", "p4_v",
                "p5_v", "p6_v", "p7_v", "p8_v", "p9_v", "p10_v");
        MeanFieldSettings.coefficients(HH, 0, unnamed, warnings);
        assertEquals(List.of(), warnings, "a table that names no cell is used as given");
    }

    @Test
    void exactlyOneRow() {
        Table two = TransferCoefficients.toTable(List.of(TransferCoefficients.preset("HH_RS"),
                TransferCoefficients.preset("HH_FS")));
        assertEquals("the coefficient table of population inh has 2 rows; a coefficient table for one cell has one row:"
                + " filter it to the row of that cell", refused(HH, 1, two));
        Table none = Table.builder(TransferCoefficients.SCHEMA).build();
        assertTrue(refused(HH, 0, none).startsWith("the coefficient table of population exc has no rows"));
    }

    @Test
    void valuesAreCheckedWithTheirRow() throws Exception {
        String f = dir.resolve("coefficients.csv").toString();
        assertEquals(f + " row 1, column p4_term: 7 is outside the allowed range [0, 1]", refused(HH, 0, edited("p4_term",
                "7")));
        assertEquals(f + " row 1, column p3_v is empty (or NaN); allowed: [-10, 10] V", refused(HH, 0, edited("p3_v", "")));
        assertEquals(f + " row 1, column p0_v: -48 is outside the allowed range [-10, 10] V", refused(HH, 0,
                edited("p0_v", "-48")));
        assertEquals(f + " row 1, column p5_v: inf is not a finite number; allowed: [-10, 10] V", refused(HH, 0,
                edited("p5_v", "inf")));
        assertEquals(f + " row 1, column fit_samples: 2.5 is not a whole number; allowed: [0, 2147483647]",
                refused(HH, 0, edited("fit_samples", "2.5")));
        assertEquals(f + " row 1, column fit_rms_error_hz: -1 is outside the allowed range [0, inf) Hz",
                refused(HH, 0, edited("fit_rms_error_hz", "-1")));
        TransferCoefficients ok = MeanFieldSettings.coefficients(HH, 0, edited("p4_term", "1"), new ArrayList<>());
        assertTrue(ok.p4Term());
    }
}

package org.neuromf.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;

/** Coefficient tables: written, read back, typed in by hand, refused when incomplete. */
class TransferCoefficientsTest {

    @TempDir
    Path tmp;

    @Test
    void tableRoundTripThroughCsv() {
        TransferCoefficients rs = TransferCoefficients.preset("HH_RS");
        Path f = tmp.resolve("coefficients.csv");
        Csv.write(rs.toTable(), f);
        TransferCoefficients back = TransferCoefficients.fromTable(Csv.read(f), 0, "coefficients.csv");
        assertEquals(rs, back);
        assertFalse(back.p4Term());
        assertTrue(Double.isNaN(back.fitRmsError()), "published, not fitted here");
    }

    @Test
    void aTypedTableNeedsOnlyTheCoefficients() throws Exception {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            header.append(k == 0 ? "" : ",").append(TransferCoefficients.column(k));
            row.append(k == 0 ? "" : ",").append(TransferCoefficients.preset("HH_FS").p(k));
        }
        Path f = tmp.resolve("typed.csv");
        Files.writeString(f, header + "\n" + row + "\n");
        TransferCoefficients typed = TransferCoefficients.fromTable(Csv.read(f), 0, "typed.csv");
        for (int k = 0; k < TransferCoefficients.COUNT; k++) {
            assertEquals(TransferCoefficients.preset("HH_FS").p(k), typed.p(k), 0);
        }
        assertFalse(typed.p4Term(), "no p4_term column: the term is off");
    }

    @Test
    void incompleteOrAbsurdTablesAreRefused() throws Exception {
        Path f = tmp.resolve("short.csv");
        Files.writeString(f, "cell,p0_v,p1_v\nX,-0.05,0.001\n");
        Table t = Csv.read(f);
        Exception e = assertThrows(IllegalArgumentException.class, () -> TransferCoefficients.fromTable(t, 0, "short.csv"));
        assertTrue(e.getMessage().contains("short.csv has no column 'p2_v'"), e.getMessage());
        double[] p = TransferCoefficients.preset("HH_RS").p();
        p[3] = 50;
        e = assertThrows(ParameterException.class, () -> TransferCoefficients.of("X", p, false));
        assertTrue(e.getMessage().contains("p3_v = 50 is outside the allowed range [-10, 10] V"), e.getMessage());
        e = assertThrows(ParameterException.class, () -> TransferCoefficients.preset("RS-cell"));
        assertTrue(e.getMessage().contains("HH_RS, HH_FS") && e.getMessage().contains("Transfer Function Scan"),
                e.getMessage());
    }
}

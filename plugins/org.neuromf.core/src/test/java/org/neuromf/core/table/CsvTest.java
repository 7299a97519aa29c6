package org.neuromf.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenTableReadsBackBitForBit() throws Exception {
        TableSchema schema = TableSchema.of(ColumnSpec.real("x_mv", ""), ColumnSpec.integer("n", ""),
                ColumnSpec.text("name", ""));
        double[] x = {0.1, -1e-300, Math.PI, Double.NaN, 1.0 / 3};
        Table t = Table.ofColumns(schema, x, new int[] {1, -2, 3, 4, 5},
                new String[] {"plain", "with, comma", "with \"quotes\"", null, "last"});
        Path f = dir.resolve("t.csv");
        Csv.write(t, f);
        Table back = Csv.read(f);
        assertEquals(schema.names(), back.schema().names());
        for (int r = 0; r < x.length; r++) {
            assertEquals(Double.doubleToLongBits(x[r]), Double.doubleToLongBits(back.getDouble(r, 0)), "row " + r);
        }
        assertEquals(ColumnType.INT, back.schema().column(1).type());
        assertEquals(-2, back.getInt(1, 1));
        assertEquals("with, comma", back.getString(1, 2));
        assertEquals("with \"quotes\"", back.getString(2, 2));
        assertNull(back.getString(3, 2), "an empty cell is missing");
        assertEquals(t, back);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
        assertTrue(Files.isReadable(f));
    }
}

package org.neuromf.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuromf.core.cell.CellPresets;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.table.Table;

class NetworkTableTest {

    private static Network fixed() {
        return NetworkBuilder.build(CellPresets.get("HH_RS"), CellPresets.get("HH_FS"),
                NetworkBuilder.preset("CONFIG1").with(Map.of("in_degree", "fixed")));
    }

    @Test
    void theInDegreeRuleGoesThroughTheTable() {
        Table t = NetworkTable.toTable(fixed());
        assertEquals("fixed", t.getString(0, t.schema().indexOf("in_degree_from_inh")));
        for (Pathway p : NetworkTable.fromTable(t).pathways()) {
            assertEquals(InDegree.FIXED, p.inDegree(), p.pre() + " -> " + p.post());
        }
    }

    /** A network table written before the in-degree columns existed has the paper's binomial in-degrees. */
    @Test
    void aTableWithoutInDegreeColumnsIsBinomial() {
        Table t = NetworkTable.toTable(fixed());
        List<String> older = new ArrayList<>(t.schema().names());
        older.removeIf(c -> c.startsWith("in_degree_from_"));
        Network n = NetworkTable.fromTable(t.select(older.toArray(String[]::new)));
        for (Pathway p : n.pathways()) {
            assertEquals(InDegree.BINOMIAL, p.inDegree(), p.pre() + " -> " + p.post());
        }
    }

    @Test
    void anUnknownRuleIsRefusedWithWhereAndWhatIsAllowed() {
        Table t = NetworkTable.toTable(fixed());
        int c = t.schema().indexOf("in_degree_from_exc");
        Table.Builder b = Table.builder(t.schema());
        for (int r = 0; r < t.rowCount(); r++) {
            Object[] row = new Object[t.columnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = r == 1 && i == c ? "constant" : t.get(r, i);
            }
            b.addRow(row);
        }
        ParameterException e = assertThrows(ParameterException.class, () -> NetworkTable.fromTable(b.build()));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("in_degree_from_exc = 'constant'")
                && e.getMessage().contains("binomial, fixed"), e.getMessage());
    }
}

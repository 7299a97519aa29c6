package org.neuromf.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.param.ParameterSpec;
import org.neuromf.core.table.ColumnSpec;
import org.neuromf.core.table.ColumnType;
import org.neuromf.core.table.Table;
import org.neuromf.core.table.TableSchema;
import org.neuromf.workflow.NodeSpec;
import org.neuromf.workflow.Nodes;
import org.neuromf.workflow.SettingsMapping;

/** The KNIME-free halves of the settings and table mappings. */
class SettingsAndTablesTest {

    /** A valid value of the spec other than its default, drawn from its range. */
    private static Object another(ParameterSpec s, SplittableRandom rng) {
        if (s instanceof ParameterSpec.Real r) {
            double lo = Math.max(r.range().min(), -1e6);
            double hi = Math.min(r.range().max(), 1e6);
            double v = lo + (hi - lo) * (0.1 + 0.8 * rng.nextDouble());
            return s.check(v);
        }
        if (s instanceof ParameterSpec.Whole w) {
            return s.check(w.max() == w.min() ? w.min() : w.min() + 1);
        }
        if (s instanceof ParameterSpec.Choice c) {
            return c.choices().get(c.choices().size() - 1);
        }
        if (s instanceof ParameterSpec.Flag) {
            return !(Boolean) s.defaultValue();
        }
        return "x" + s.defaultValue();
    }

    @Test
    void everyParameterRoundTripsThroughItsSetting() {
        SplittableRandom rng = new SplittableRandom(1);
        int checked = 0;
        for (NodeSpec n : Nodes.all()) {
            for (ParameterSpec s : n.parameters()) {
                for (Object v : new Object[] {s.check(s.defaultValue()), another(s, rng)}) {
                    Object setting = SettingsMapping.toSetting(s, v);
                    switch (SettingsMapping.kind(s)) {
                        case DOUBLE:
                            assertTrue(setting instanceof Double, s.key());
                            break;
                        case INTEGER:
                            assertTrue(setting instanceof Integer, s.key());
                            break;
                        case LONG:
                            assertTrue(setting instanceof Long, s.key());
                            break;
                        case BOOLEAN:
                            assertTrue(setting instanceof Boolean, s.key());
                            break;
                        default:
                            assertTrue(setting instanceof String, s.key());
                    }
                    assertEquals(v, SettingsMapping.fromSetting(s, setting), n.id() + " " + s.key());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, checked + " values");
    }

    @Test
    void invalidSettingsGiveTheOperationsOwnMessage() {
        ParameterSpec dt = Nodes.get("network-simulation").parameters().stream().filter(s -> s.key().equals("dt_ms"))
                .findFirst().orElseThrow();
        ParameterException e = assertThrows(ParameterException.class, () -> SettingsMapping.fromSetting(dt, -0.1));
        assertEquals("dt_ms = -0.1 is outside the allowed range (0, 1] ms", e.getMessage());
        ParameterSpec seed = Nodes.get("network-simulation").parameters().stream().filter(s -> s.key().equals("seed"))
                .findFirst().orElseThrow();
        assertEquals(SettingsMapping.Kind.LONG, SettingsMapping.kind(seed), "seeds need 64 bits");
        ParameterSpec method = Nodes.get("mean-field").parameters().stream().filter(s -> s.key().equals("method"))
                .findFirst().orElseThrow();
        e = assertThrows(ParameterException.class, () -> SettingsMapping.fromSetting(method, "leapfrog"));
        assertTrue(e.getMessage().contains("adaptive, rk4, euler"), e.getMessage());
        assertEquals("Duration (ms)", SettingsMapping.label(Nodes.get("network-simulation").parameters().get(0)));
    }

    @Test
    void tablesRoundTripThroughRows() {
        TableSchema schema = TableSchema.of(ColumnSpec.real("x_mv", "x"), ColumnSpec.integer("n", "n"),
                new ColumnSpec("count", ColumnType.LONG, "count"), ColumnSpec.text("name", "name"));
        Table t = Table.builder(schema).addRow(1.5, 2, 3L, "a").addRow(Double.NaN, -1, Long.MAX_VALUE, null).build();
        TableRows.Collector c = new TableRows.Collector(schema);
        for (int r = 0; r < t.rowCount(); r++) {
            c.add(TableRows.row(t, r));
        }
        assertEquals(t, c.build());
        assertEquals(null, TableRows.row(t, 1)[0], "NaN is a missing cell");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TableRows.Collector(schema).add(new Object[] {1.0, null, 1L, "b"}));
        assertTrue(e.getMessage().contains("column n, row 1"), e.getMessage());
    }
}

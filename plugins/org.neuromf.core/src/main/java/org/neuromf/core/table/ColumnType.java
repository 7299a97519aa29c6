package org.neuromf.core.table;

/** Column types, chosen to map one to one onto KNIME's Double, Int, Long and String cells. */
public enum ColumnType {
    DOUBLE, INT, LONG, STRING
}

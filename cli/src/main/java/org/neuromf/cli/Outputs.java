package org.neuromf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.neuromf.core.table.Csv;
import org.neuromf.core.table.Table;

/**
 * Writes result tables as CSV files into a folder: first all into a hidden folder beside them, then
 * each moved into place, so a failed or interrupted run leaves no half-written table.
 */
final class Outputs {

    private Outputs() {
    }

    static void write(Path dir, Map<String, Table> tables) {
        try {
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".writing-");
            try {
                for (Map.Entry<String, Table> e : tables.entrySet()) {
                    Csv.write(e.getValue(), staging.resolve(e.getKey()));
                }
                for (String name : tables.keySet()) {
                    Files.move(staging.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                try (Stream<Path> left = Files.walk(staging)) {
                    left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }
}

package org.neuromf.core.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file beside it, then moves it into place, so that a failed or
 * cancelled write never leaves a half-written file. The temporary file has a fixed name
 * ({@code .NAME.part}), not one from createTempFile, whose files are readable by their owner only.
 */
public final class AtomicFiles {

    /** Writes the content into the given (temporary) path. */
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, Writer writer) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".part");
            try {
                writer.write(tmp);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

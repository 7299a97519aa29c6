package org.neuromf.core.util;

import java.util.Locale;

/**
 * Checks, before work starts, that what it will hold fits in the Java heap, so that a run too large
 * for this machine is refused with the numbers instead of dying with an OutOfMemoryError later.
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** Bytes the heap can still give: its maximum less what is in use (garbage included). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Refuses work that needs about {@code bytes} of heap when the heap cannot give them.
     *
     * @param what what needs the memory, e.g. "the synapses of network CONFIG1"
     * @param fix what the user can change to need less, e.g. "use fewer neurons or a lower p_connect"
     */
    public static void require(String what, double bytes, String fix) {
        if (bytes <= available()) {
            return;
        }
        System.gc(); // what is in use may be garbage; ask once, on this rare path only
        if (bytes > available()) {
            throw refusal(what, bytes, fix);
        }
    }

    /**
     * The refusal {@link #require} throws; also for an allocation that failed although the heap
     * seemed to have room (a large array needs contiguous space, which a fragmented heap may lack).
     */
    public static MemoryException refusal(String what, double bytes, String fix) {
        return new MemoryException(String.format(Locale.ROOT, "%s need%s about %s of memory, but the Java heap has"
                + " only %s free (of %s): %s, or start Java with a larger heap (-Xmx)", what,
                what.endsWith("s") ? "" : "s", megabytes(bytes), megabytes(available()),
                megabytes(Runtime.getRuntime().maxMemory()), fix));
    }

    /** A size as people read it: {@code 2006 MB}, {@code 3.2 GB}. */
    public static String megabytes(double bytes) {
        return bytes >= 1e10 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / 1e6));
    }

    /** Work refused because it would not fit in memory; the message says how much it needs and what to change. */
    public static final class MemoryException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MemoryException(String message) {
            super(message);
        }
    }
}

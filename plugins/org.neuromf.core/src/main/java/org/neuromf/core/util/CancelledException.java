package org.neuromf.core.util;

/** Thrown when the user cancels long-running work; nothing partial is returned. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled by the user");
    }
}

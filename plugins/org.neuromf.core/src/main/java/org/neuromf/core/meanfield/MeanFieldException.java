package org.neuromf.core.meanfield;

/** A mean-field computation that cannot give an answer: a blow-up, or no converged fixed point. */
public final class MeanFieldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MeanFieldException(String message) {
        super(message);
    }
}

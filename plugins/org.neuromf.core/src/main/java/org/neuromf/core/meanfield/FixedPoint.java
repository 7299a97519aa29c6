package org.neuromf.core.meanfield;

/**
 * A fixed point of the mean field at one external rate: the state (packed as in
 * {@link MeanFieldModel}), the eigenvalues of the Jacobian of d(state)/dt there (1/s), and whether
 * every eigenvalue has a negative real part.
 */
public record FixedPoint(double externalRate, double[] state, double[] eigenReal, double[] eigenImag, int iterations) {

    /** The entry of a drive where no fixed point converged: NaN state and eigenvalues, not stable. */
    public static FixedPoint none(double externalRate, int dimension) {
        double[] nan = new double[dimension];
        java.util.Arrays.fill(nan, Double.NaN);
        return new FixedPoint(externalRate, nan, nan.clone(), nan.clone(), 0);
    }

    public boolean stable() {
        return largestRealPart() < 0;
    }

    /** NaN when there is no fixed point. */
    public double largestRealPart() {
        double max = Double.NEGATIVE_INFINITY;
        for (double r : eigenReal) {
            max = Math.max(max, r);
        }
        return max;
    }

    /** The imaginary part of the eigenvalue with the largest real part (nonzero: the approach oscillates). */
    public double leadingFrequency() {
        int best = 0;
        for (int k = 1; k < eigenReal.length; k++) {
            if (eigenReal[k] > eigenReal[best]) {
                best = k;
            }
        }
        return Math.abs(eigenImag[best]) / (2 * Math.PI);
    }
}

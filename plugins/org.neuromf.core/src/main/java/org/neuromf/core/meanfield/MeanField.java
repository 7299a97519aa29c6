package org.neuromf.core.meanfield;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.nonstiff.EulerIntegrator;
import org.apache.commons.math3.ode.sampling.FixedStepHandler;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.apache.commons.math3.ode.sampling.StepNormalizer;
import org.apache.commons.math3.ode.sampling.StepNormalizerBounds;
import org.apache.commons.math3.ode.sampling.StepNormalizerMode;
import org.neuromf.core.param.ParameterException;
import org.neuromf.core.util.Progress;
import org.neuromf.core.util.TimeGrid;

/** Fixed points, their stability, drive sweeps and time courses of a {@link MeanFieldModel}. */
public final class MeanField {

    /** How the time course is integrated. */
    public enum Method {
        /** Dormand-Prince 5(4) with step control (default); output every dt. */
        ADAPTIVE,
        /** Classical Runge-Kutta at the fixed step dt. */
        RK4,
        /** Forward Euler at the fixed step dt, as in the authors' scripts. */
        EULER
    }

    /** A rate beyond this (Hz) means the integration ran away: no transfer function reaches it. */
    private static final double DIVERGED = 1e4;
    private static final int NEWTON_ITERATIONS = 100;

    private MeanField() {
    }

    /** The typical size of each state variable, for steps, tolerances and convergence. */
    static double[] scales(MeanFieldModel m) {
        double[] s = new double[m.getDimension()];
        for (int k = 0; k < s.length; k++) {
            s[k] = m.scale(k);
        }
        return s;
    }

    /** The system with the external rate frozen at its value at {@code time}. */
    private static FirstOrderDifferentialEquations frozen(MeanFieldModel m, double time) {
        return new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return m.getDimension();
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                m.computeDerivatives(time, y, yDot);
            }
        };
    }

    /**
     * The fixed point at the external rate of {@code time}, converged by Newton's method from
     * {@code start} (null: from nu_e = 1, nu_i = 10 Hz after relaxing for 20 T), with its stability.
     */
    public static FixedPoint fixedPoint(MeanFieldModel m, double time, double[] start) {
        return fixedPoint(m, time, start, Progress.NONE);
    }

    /** As {@link #fixedPoint(MeanFieldModel, double, double[])}, cancellable while it relaxes. */
    public static FixedPoint fixedPoint(MeanFieldModel m, double time, double[] start, Progress progress) {
        double[] x = start == null ? relax(m, time, m.state(1, 10), 20 * m.timeConstant(), progress) : start.clone();
        double[] scale = scales(m);
        Integer iterations = x == null ? null : newton(m, time, x, scale);
        if (iterations == null) {
            // not converged from here: relax much longer towards an attracting state and try once more
            x = relax(m, time, start == null ? m.state(1, 10) : start, 400 * m.timeConstant(), progress);
            iterations = x == null ? null : newton(m, time, x, scale);
        }
        if (iterations != null) {
            // a rate at rest converges to rounding noise about 0 (e.g. -4e-191 Hz); rates are never negative
            x[0] = Math.max(0, x[0]);
            x[1] = Math.max(0, x[1]);
            return withStability(m, time, x, iterations);
        }
        throw new MeanFieldException("the mean field has no converged fixed point at an external rate of "
                + m.externalRate(time) + " Hz: Newton's method did not converge, even after relaxing for "
                + 400 * m.timeConstant() * 1e3 + " ms (the activity may oscillate or run away)");
    }

    /**
     * Newton's method with backtracking, in place on x; the iterations used, or null when it fails.
     * Converged when a full step changes no variable by more than 1e-12 of its size, or when the
     * residual can no longer decrease with a full step (its floor is the rounding of the difference
     * quotients) and the step is below 1e-7.
     */
    private static Integer newton(MeanFieldModel m, double time, double[] x, double[] scale) {
        int n = x.length;
        double[] f = new double[n];
        m.computeDerivatives(time, x, f);
        double norm = norm(f, scale);
        double[] trial = new double[n];
        double[] ft = new double[n];
        for (int it = 1; it <= NEWTON_ITERATIONS; it++) {
            double[] step;
            try {
                step = new LUDecomposition(jacobian(m, time, x, scale)).getSolver()
                        .solve(new ArrayRealVector(f).mapMultiply(-1)).toArray();
            } catch (SingularMatrixException e) {
                return null;
            }
            double change = 0;
            for (int k = 0; k < n; k++) {
                change = Math.max(change, Math.abs(step[k]) / Math.max(Math.abs(x[k]), scale[k]));
            }
            if (!(change < 1e3)) {
                return null;
            }
            double lambda = 1;
            double trialNorm;
            do {
                for (int k = 0; k < n; k++) {
                    trial[k] = x[k] + lambda * step[k];
                }
                m.computeDerivatives(time, trial, ft);
                trialNorm = norm(ft, scale);
                lambda /= 2;
            } while (!(trialNorm < norm) && lambda > 1e-6);
            if (!(trialNorm < norm)) {
                return change < 1e-7 ? it : null;
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(ft, 0, f, 0, n);
            norm = trialNorm;
            // a full step that had to be cut back to lower the residual at all is at its rounding floor, where a
            // shorter step can lower it by chance, again and again, until the iterations run out
            if (change < 1e-12 || (lambda < 0.5 && change < 1e-7)) {
                return it;
            }
        }
        return null;
    }

    private static double norm(double[] f, double[] scale) {
        double s = 0;
        for (int k = 0; k < f.length; k++) {
            double v = f[k] / scale[k];
            s += v * v;
        }
        return Double.isNaN(s) ? Double.POSITIVE_INFINITY : Math.sqrt(s);
    }

    /** The Jacobian of d(state)/dt at x (1/s), by central differences. */
    static RealMatrix jacobian(MeanFieldModel m, double time, double[] x, double[] scale) {
        int n = x.length;
        RealMatrix j = new Array2DRowRealMatrix(n, n);
        double[] up = new double[n];
        double[] down = new double[n];
        for (int k = 0; k < n; k++) {
            double h = 1e-6 * Math.max(Math.abs(x[k]), scale[k]);
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[k] += h;
            xm[k] -= h;
            m.computeDerivatives(time, xp, up);
            m.computeDerivatives(time, xm, down);
            for (int r = 0; r < n; r++) {
                j.setEntry(r, k, (up[r] - down[r]) / (2 * h));
            }
        }
        return j;
    }

    private static FixedPoint withStability(MeanFieldModel m, double time, double[] x, int iterations) {
        EigenDecomposition e = new EigenDecomposition(jacobian(m, time, x, scales(m)));
        return new FixedPoint(m.externalRate(time), x.clone(), e.getRealEigenvalues(), e.getImagEigenvalues(), iterations);
    }

    /**
     * Integrates the frozen system from y0 for {@code duration} with step control; the end state,
     * or null when the integration cannot go on (the state runs away).
     */
    private static double[] relax(MeanFieldModel m, double time, double[] y0, double duration, Progress progress) {
        double[] y = y0.clone();
        FirstOrderIntegrator integrator = adaptive(m);
        integrator.addStepHandler(new StepHandler() {
            @Override
            public void init(double t0, double[] state, double t) {
            }

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
                progress.checkCancelled();
            }
        });
        try {
            integrator.integrate(frozen(m, time), 0, y0, duration, y);
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            return null;
        }
        return y;
    }

    private static FirstOrderIntegrator adaptive(MeanFieldModel m) {
        double[] scale = scales(m);
        double[] absolute = new double[scale.length];
        double[] relative = new double[scale.length];
        for (int k = 0; k < scale.length; k++) {
            absolute[k] = 1e-10 * scale[k];
            relative[k] = 1e-8;
        }
        return new DormandPrince54Integrator(1e-9, m.timeConstant(), absolute, relative);
    }

    /**
     * Fixed points over a list of drives (Hz), each continued from the previous one; the model is
     * rebuilt for each drive by {@code modelAt}. Where there is no converged fixed point the entry
     * is {@link FixedPoint#none} and the next drive starts afresh.
     */
    public static List<FixedPoint> sweep(java.util.function.DoubleFunction<MeanFieldModel> modelAt, double[] drives,
            Progress progress) {
        List<FixedPoint> points = new ArrayList<>();
        double[] previous = null;
        for (int i = 0; i < drives.length; i++) {
            progress.checkCancelled();
            MeanFieldModel m = modelAt.apply(drives[i]);
            FixedPoint p;
            try {
                p = fixedPoint(m, 0, previous, progress);
                previous = p.state();
            } catch (MeanFieldException e) {
                p = FixedPoint.none(drives[i], m.getDimension());
                previous = null;
            }
            points.add(p);
            progress.report((i + 1.0) / drives.length, "fixed point " + (i + 1) + " of " + drives.length);
        }
        return points;
    }

    /**
     * The rows of a time course to {@code tstop} sampled every {@code dt} (s): t = k dt for
     * k = 0 .. tstop/dt, so the last row is at tstop exactly. Refuses a dt longer than tstop, and a
     * tstop that is not a whole multiple of dt (naming the nearest multiples).
     */
    public static long rows(double tstop, double dt) {
        double tstopMs = TimeGrid.ms(1, tstop * 1e3);
        double dtMs = TimeGrid.ms(1, dt * 1e3);
        if (!(dt > 0) || !(dt <= tstop)) {
            throw ParameterException.outOfRange("dt_ms", dtMs, "(0, tstop_ms = " + tstopMs + "]",
                    "the time step cannot be longer than the time course");
        }
        double ratio = tstop / dt;
        long steps = Math.round(ratio);
        if (Math.abs(ratio - steps) > 1e-9 * ratio) {
            long below = (long) Math.floor(ratio);
            throw new ParameterException("tstop_ms", "tstop_ms = " + tstopMs + " is not a whole multiple of dt_ms = "
                    + dtMs + ", so the last row could not be at tstop_ms: use tstop_ms = " + TimeGrid.ms(below, dtMs)
                    + " or " + TimeGrid.ms(below + 1, dtMs) + ", or a dt_ms that divides it");
        }
        return steps + 1;
    }

    /**
     * The time course from state {@code start} at t = 0 (normally the fixed point of the drive
     * there), sampled every {@code dt} (s) up to {@code tstop}, a whole multiple of dt (see
     * {@link #rows}).
     *
     * @return columns of equal length, one row per sample: [0] the times k dt (s), [1 + i] state
     *         variable i
     */
    public static double[][] integrate(MeanFieldModel m, double[] start, double tstop, double dt, Method method,
            Progress progress) {
        long rows = rows(tstop, dt);
        if (rows > Integer.MAX_VALUE - 8) {
            throw new ParameterException("dt_ms", "a time course of " + rows + " rows is longer than a table can be ("
                    + (Integer.MAX_VALUE - 8) + "): raise dt_ms or shorten tstop_ms");
        }
        FirstOrderIntegrator integrator = switch (method) {
            case ADAPTIVE -> adaptive(m);
            case RK4 -> new ClassicalRungeKuttaIntegrator(dt);
            case EULER -> new EulerIntegrator(dt);
        };
        double[][] columns = new double[1 + start.length][(int) rows];
        int[] filled = new int[1];
        integrator.addStepHandler(new StepNormalizer(dt, new FixedStepHandler() {
            @Override
            public void init(double t0, double[] y0, double t) {
            }

            @Override
            public void handleStep(double t, double[] y, double[] yDot, boolean isLast) {
                for (int a = 0; a < 2; a++) {
                    if (!(Math.abs(y[a]) < DIVERGED)) {
                        throw new MeanFieldException("the mean field diverged at t = " + Math.round(t * 1e6) / 1e3
                                + " ms (nu_" + (a == 0 ? "e" : "i") + " = " + y[a] + " Hz) with the "
                                + method.name().toLowerCase() + " integrator at dt_ms = " + dt * 1e3
                                + "; use a smaller dt_ms or the adaptive integrator");
                    }
                }
                // the normalizer can hand the same multiple of dt twice when a step ends on it (rounding)
                long k = Math.round(t / dt);
                if (k < filled[0] || k >= rows) {
                    return;
                }
                int row = (int) k;
                columns[0][row] = k * dt;
                for (int i = 0; i < y.length; i++) {
                    columns[1 + i][row] = y[i];
                }
                filled[0] = row + 1;
                if (filled[0] % 1000 == 0) {
                    progress.checkCancelled();
                    progress.report(t / tstop, "mean field at " + Math.round(t * 1e3) + " ms");
                }
            }
        }, StepNormalizerMode.MULTIPLES, StepNormalizerBounds.BOTH));
        integrator.integrate(m, 0, start, tstop, start.clone());
        if (filled[0] != rows) {
            throw new IllegalStateException("the integration gave " + filled[0] + " of " + rows + " rows");
        }
        return columns;
    }
}

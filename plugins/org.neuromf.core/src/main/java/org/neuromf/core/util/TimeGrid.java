package org.neuromf.core.util;

/** Times of a regular grid for tables: k steps of stepMs, rounded to 1e-9 ms so that 202 x 0.1 prints as 20.2. */
public final class TimeGrid {

    private TimeGrid() {
    }

    public static double ms(long k, double stepMs) {
        return Math.round(k * stepMs * 1e9) / 1e9;
    }
}

package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    /** The same values as nextDouble, so the faster draw changes no result of any seed. */
    @Test
    void uniformIsNextDoubleBitForBit() {
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom a = new SplittableRandom(seed);
            SplittableRandom b = new SplittableRandom(seed);
            for (int i = 0; i < 250_000; i++) {
                double expected = a.nextDouble();
                double actual = RandomStreams.uniform(b);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                        "draw " + i + " of seed " + seed + ": " + expected + " against " + actual);
            }
        }
    }

    /** The extremes and the last bit, against the top 53 bits times 2^-53 computed by the JDK's conversion. */
    @Test
    void uniformIsTheTop53BitsTimesTwoToTheMinus53() {
        long[] randoms = {0, -1, 1L << 11, 3L << 11, 1L << 63, 0x7FFF_FFFF_FFFF_FFFFL, 0x1234_5678_9ABC_DEF0L};
        for (long r : randoms) {
            assertEquals((r >>> 11) * 0x1.0p-53, RandomStreams.uniform(r), "bits " + Long.toHexString(r));
        }
        assertEquals(0.0, RandomStreams.uniform(0));
        assertEquals(1 - 0x1.0p-53, RandomStreams.uniform(-1));
    }
}

package org.neuromf.benchmarks;

import java.util.Arrays;

/**
 * Entry point of benchmarks.jar (placeholder).
 * {@code jmh [JMH options]} hands over to the JMH runner (benchmarks annotated with @Benchmark);
 * anything else is meant for plain main-class benchmarks.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.out.println("usage: java -jar benchmarks.jar jmh [JMH options]   (no plain benchmarks yet)");
    }
}

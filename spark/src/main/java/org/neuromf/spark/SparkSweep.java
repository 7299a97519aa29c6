package org.neuromf.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.neuromf.cli.Main;
import org.neuromf.core.sweep.NetworkSweep;
import org.neuromf.core.util.Progress;

/**
 * {@code spark-submit neuromf-spark.jar sweep ...}: the command line's sweep, each run a Spark task.
 * The driver reads the options, checks every run and writes the output folder exactly as
 * {@code neuromf sweep} does; the executors rebuild the same sweep from its inputs (broadcast once)
 * and each carries out the runs of its tasks with {@code spark.task.cpus} threads. A run depends on
 * its inputs alone, so the tables are the same bit for bit as the local sweep's.
 */
public final class SparkSweep implements NetworkSweep.Runner {

    /** The sweeps an executor has rebuilt, by their inputs: each is checked and planned once per JVM. */
    private static final Map<NetworkSweep.Inputs, NetworkSweep> BUILT = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("sweep")) {
            System.err.println("usage: spark-submit [spark options] neuromf-spark.jar sweep [neuromf sweep options];"
                    + " neuromf-spark.jar sweep --help lists them");
            System.exit(2);
        }
        Main.launch(args, new SparkSweep());
    }

    @Override
    public List<NetworkSweep.Outcome> run(NetworkSweep sweep, Progress progress) {
        SparkConf conf = new SparkConf().setAppName("neuromf sweep");
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // started without spark-submit: this machine's cores
        }
        int runs = sweep.runs().size();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            int threads = conf.getInt("spark.task.cpus", 1);
            AtomicInteger done = new AtomicInteger();
            spark.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.taskInfo().successful()) {
                        int n = done.incrementAndGet();
                        progress.report((double) n / runs, "run " + n + " of " + runs + " done on Spark");
                    }
                }
            });
            Broadcast<NetworkSweep.Inputs> inputs = spark.broadcast(sweep.inputs());
            List<Integer> indices = IntStream.range(0, runs).boxed().toList();
            List<NetworkSweep.Outcome> outcomes = new ArrayList<>(spark.parallelize(indices, runs)
                    .map(i -> BUILT.computeIfAbsent(inputs.value(), NetworkSweep::new).run(i, threads, Progress.NONE))
                    .collect());
            outcomes.sort(Comparator.comparingInt(NetworkSweep.Outcome::run));
            return outcomes;
        }
    }
}

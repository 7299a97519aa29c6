package org.neuromf.core.simulation;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs the same small job on a fixed number of threads, once per time step, with little overhead:
 * between steps the workers spin briefly, then park. Job t always runs part t, so which thread
 * does which part never changes the result. The caller's thread runs part 0.
 */
final class StepPool implements AutoCloseable {

    private static final long SPIN_NANOS = 200_000;

    private final Worker[] workers;
    private volatile IntConsumer job;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    StepPool(int threads) {
        workers = new Worker[threads - 1];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Worker(t + 1);
            workers[t].thread.start();
        }
    }

    int parts() {
        return workers.length + 1;
    }

    /** Runs {@code job.accept(t)} for every part t and returns when all are done. */
    void run(IntConsumer job) {
        this.job = job;
        long gen = generation + 1;
        generation = gen;
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        job.accept(0);
        for (Worker w : workers) {
            while (w.done != gen) {
                Thread.onSpinWait();
            }
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException) {
                throw (RuntimeException) f;
            }
            if (f instanceof Error) {
                throw (Error) f;
            }
            throw new IllegalStateException(f);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private final class Worker implements Runnable {
        final int part;
        final Thread thread;
        volatile long done;
        volatile boolean parked;

        Worker(int part) {
            this.part = part;
            this.thread = new Thread(this, "neuromf-step-" + part);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                while (generation == seen && !closed) {
                    if (++spins % 64 == 0 && System.nanoTime() - spinStart > SPIN_NANOS) {
                        parked = true;
                        if (generation == seen && !closed) {
                            LockSupport.parkNanos(1_000_000);
                        }
                        parked = false;
                    } else {
                        Thread.onSpinWait();
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
                try {
                    job.accept(part);
                } catch (Throwable t) {
                    failure = t;
                }
                done = seen;
            }
        }
    }
}

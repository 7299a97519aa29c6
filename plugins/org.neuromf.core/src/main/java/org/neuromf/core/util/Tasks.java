package org.neuromf.core.util;

import java.util.concurrent.ExecutionException;

/** Work handed to other threads. */
public final class Tasks {

    private Tasks() {
    }

    /**
     * What a task threw, to rethrow where its result was awaited: a RuntimeException as it was, an
     * Error thrown as it was (an OutOfMemoryError stays one, for the caller's message), anything
     * else wrapped: {@code catch (ExecutionException e) { throw Tasks.unchecked(e); }}.
     */
    public static RuntimeException unchecked(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }
}

package org.neuromf.core.util;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void whatATaskThrewIsRethrownAsItWas() {
        IllegalArgumentException bad = new IllegalArgumentException("tstop_ms = -1");
        assertSame(bad, Tasks.unchecked(new ExecutionException(bad)));
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Tasks.unchecked(new ExecutionException(oom))));
        IOException checked = new IOException("disk full");
        RuntimeException wrapped = Tasks.unchecked(new ExecutionException(checked));
        assertTrue(wrapped instanceof IllegalStateException && wrapped.getCause() == checked, wrapped.toString());
    }
}

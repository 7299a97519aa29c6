package org.neuromf.workflow;

/** A workflow that cannot be read or run; the message names the file or node and the problem. */
public final class WorkflowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public WorkflowException(String message) {
        super(message);
    }
}

package org.neuromf.core.simulation;

/** How external events are drawn in each time step. */
public enum DriveProcess {
    /** Poisson counts per neuron and step: the exact process the transfer function assumes. */
    POISSON("poisson"),
    /** At most one event per neuron and step, with probability rate*dt: the authors' scripts. */
    BERNOULLI("bernoulli");

    private final String label;

    DriveProcess(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DriveProcess byLabel(String label) {
        for (DriveProcess d : values()) {
            if (d.label.equalsIgnoreCase(label)) {
                return d;
            }
        }
        throw new IllegalArgumentException("drive_process = '" + label + "' is not one of poisson, bernoulli");
    }
}

package org.neuromf.core.network;

import org.neuromf.core.cell.Cell;
import org.neuromf.core.param.ParameterException;

/**
 * A population of identical cells and the external drive it receives: each of its neurons gets an
 * independent train of events at rate {@code driveSynapses * nu_ext(t)}, each adding
 * {@code driveQ} to the conductance of the first (excitatory) presynaptic channel.
 *
 * @param name short snake_case name, used in column names (exc, inh)
 * @param size number of neurons
 * @param driveRate nu_ext, the rate per external synapse without stimulus (Hz)
 * @param driveSynapses K_ext, the number of external synapses per neuron
 * @param driveQ quantal conductance of an external event (S)
 */
public record Population(String name, int size, Cell cell, double driveRate, double driveSynapses, double driveQ) {

    public Population {
        if (name == null || !name.matches("[a-z][a-z0-9]*")) {
            throw new ParameterException("population", "population = '" + name
                    + "' is not allowed: use lower-case letters and digits, starting with a letter");
        }
        if (size < 1) {
            throw ParameterException.outOfRange("neurons", size, "[1, 2147483647]", "population " + name);
        }
        if (!(driveRate >= 0) || Double.isInfinite(driveRate)) {
            throw ParameterException.outOfRange("drive_rate_hz", driveRate, "[0, inf) Hz", "population " + name);
        }
        if (!(driveSynapses >= 0) || Double.isInfinite(driveSynapses)) {
            throw ParameterException.outOfRange("drive_synapses", driveSynapses, "[0, inf)", "population " + name);
        }
        if (!(driveQ >= 0) || Double.isInfinite(driveQ)) {
            throw ParameterException.outOfRange("drive_q_ns", driveQ * 1e9, "[0, inf) nS", "population " + name);
        }
    }
}

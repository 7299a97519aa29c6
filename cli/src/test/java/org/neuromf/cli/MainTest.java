package org.neuromf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {
    @Test
    void runsWithoutArguments() {
        assertEquals(0, new CommandLine(new Main()).execute());
    }

    @Test
    void printsHelp() {
        assertEquals(0, new CommandLine(new Main()).execute("--help"));
    }
}

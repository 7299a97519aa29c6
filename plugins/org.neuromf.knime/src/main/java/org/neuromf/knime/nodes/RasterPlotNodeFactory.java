package org.neuromf.knime.nodes;

import org.neuromf.knime.OperationNodeFactory;

/** The factory of the NeuroMF node raster-plot. */
public final class RasterPlotNodeFactory extends OperationNodeFactory {

    @Override
    protected String nodeId() {
        return "raster-plot";
    }
}

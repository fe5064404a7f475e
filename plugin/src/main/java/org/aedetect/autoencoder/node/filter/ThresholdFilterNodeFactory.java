package org.aedetect.autoencoder.node.filter;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Threshold Filter node; the description is ThresholdFilterNodeFactory.xml. */
public final class ThresholdFilterNodeFactory extends NodeFactory<ThresholdFilterNodeModel> {

    @Override
    public ThresholdFilterNodeModel createNodeModel() {
        return new ThresholdFilterNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @SuppressWarnings("removal")
    @Override
    public NodeView<ThresholdFilterNodeModel> createNodeView(final int viewIndex,
        final ThresholdFilterNodeModel nodeModel) {
        return new HistogramNodeView(nodeModel);
    }

    @SuppressWarnings("removal")
    @Override
    protected boolean hasDialog() {
        return true;
    }

    @SuppressWarnings("removal")
    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ThresholdFilterNodeDialog();
    }
}

package org.aedetect.autoencoder.node.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Autoencoder Learner node; the description is AutoencoderLearnerNodeFactory.xml. */
public final class AutoencoderLearnerNodeFactory extends NodeFactory<AutoencoderLearnerNodeModel> {

    @Override
    public AutoencoderLearnerNodeModel createNodeModel() {
        return new AutoencoderLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @SuppressWarnings("removal")
    @Override
    public NodeView<AutoencoderLearnerNodeModel> createNodeView(final int viewIndex,
        final AutoencoderLearnerNodeModel nodeModel) {
        return new LossCurveNodeView(nodeModel);
    }

    @SuppressWarnings("removal")
    @Override
    protected boolean hasDialog() {
        return true;
    }

    @SuppressWarnings("removal")
    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AutoencoderLearnerNodeDialog();
    }
}

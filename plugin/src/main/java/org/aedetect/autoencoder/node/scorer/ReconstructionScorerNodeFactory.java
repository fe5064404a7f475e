package org.aedetect.autoencoder.node.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Reconstruction Scorer node; the description is ReconstructionScorerNodeFactory.xml. */
public final class ReconstructionScorerNodeFactory extends NodeFactory<ReconstructionScorerNodeModel> {

    @Override
    public ReconstructionScorerNodeModel createNodeModel() {
        return new ReconstructionScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @SuppressWarnings("removal")
    @Override
    public NodeView<ReconstructionScorerNodeModel> createNodeView(final int viewIndex,
        final ReconstructionScorerNodeModel nodeModel) {
        return null;
    }

    @SuppressWarnings("removal")
    @Override
    protected boolean hasDialog() {
        return true;
    }

    @SuppressWarnings("removal")
    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ReconstructionScorerNodeDialog();
    }
}

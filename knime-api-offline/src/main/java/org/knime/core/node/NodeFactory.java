package org.knime.core.node;

/**
 * Offline stand-in for KNIME's NodeFactory (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeFactory.java); behaviour simplified for tests.
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** Creates the factory. */
    protected NodeFactory() {
    }

    /** @return a new node model */
    public abstract T createNodeModel();

    /** @return the number of views */
    protected abstract int getNrNodeViews();

    /**
     * @param viewIndex the view index
     * @param nodeModel the model to show
     * @return the view
     */
    @Deprecated(since = "5.6", forRemoval = true)
    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    /** @return whether the node has a dialog */
    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract boolean hasDialog();

    /** @return the dialog */
    @Deprecated(since = "5.6", forRemoval = true)
    protected abstract NodeDialogPane createNodeDialogPane();
}

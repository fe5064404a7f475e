package org.knime.core.node;

/**
 * Offline stand-in for KNIME's NodeView (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeView.java); behaviour simplified for tests.
 * Minimal: no window (the nodes of this extension have no views).
 *
 * @param <T> the model class
 */
public abstract class NodeView<T extends NodeModel> {

    private final T m_model;

    /** @param nodeModel the model to show */
    protected NodeView(final T nodeModel) {
        m_model = nodeModel;
    }

    /** @return the model */
    protected T getNodeModel() {
        return m_model;
    }

    /** Called when the model changed. */
    protected abstract void modelChanged();

    /** Called when the view is closed. */
    protected abstract void onClose();

    /** Called when the view is opened. */
    protected abstract void onOpen();
}

package org.knime.core.node;

import java.awt.Component;

/**
 * Offline stand-in for KNIME's NodeView (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeView.java); behaviour simplified for tests.
 * No window: the component set by the view is kept, so that tests can look at it headless; the framework's calls to
 * {@link #modelChanged()} after execute, reset and load are made by the test.
 *
 * @param <T> the model class
 */
public abstract class NodeView<T extends NodeModel> {

    private final T m_model;

    private Component m_comp;

    /** @param nodeModel the model to show */
    protected NodeView(final T nodeModel) {
        m_model = nodeModel;
    }

    /** @return the model */
    protected T getNodeModel() {
        return m_model;
    }

    /** @return the component set by {@link #setComponent(Component)} */
    protected final Component getComponent() {
        return m_comp;
    }

    /** @param comp the view's content */
    protected final void setComponent(final Component comp) {
        m_comp = comp;
    }

    /** Called when the model changed. */
    protected abstract void modelChanged();

    /** Called when the view is closed. */
    protected abstract void onClose();

    /** Called when the view is opened. */
    protected abstract void onOpen();
}

package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's NodeDialogPane (knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeDialogPane.java); behaviour simplified for tests.
 * Lightweight Swing only (a panel holding a tabbed pane), so it can be built headless.
 */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_tabs = new JTabbedPane();

    /** Creates an empty dialog. */
    protected NodeDialogPane() {
        m_panel.add(m_tabs, BorderLayout.CENTER);
    }

    /** @return the dialog's panel */
    public final JPanel getPanel() {
        return m_panel;
    }

    /**
     * @param settings settings to show
     * @param specs input specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        DataTableSpec[] dataSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new NotConfigurableException("Input port " + i + " does not hold a data table spec.");
            }
            dataSpecs[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, dataSpecs);
    }

    /**
     * @param settings settings to show
     * @param specs input table specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    /**
     * @param settings where to save the dialog's settings
     * @throws InvalidSettingsException if the entered values are invalid
     */
    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    /**
     * @param title tab title
     * @param comp tab content
     */
    protected final void addTab(final String title, final Component comp) {
        m_tabs.addTab(title, comp);
    }

    /**
     * @param title tab title
     * @return the tab content or null
     */
    protected final Component getTab(final String title) {
        int i = m_tabs.indexOfTab(title);
        return i < 0 ? null : m_tabs.getComponentAt(i);
    }
}

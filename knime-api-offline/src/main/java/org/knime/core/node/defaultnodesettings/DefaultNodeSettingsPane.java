package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DefaultNodeSettingsPane (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DefaultNodeSettingsPane.java); behaviour simplified
 * for tests (lightweight Swing, headless-safe): tabs of vertically stacked components, titled groups.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private static final String DEFAULT_TAB_TITLE = "Options";

    private final List<DialogComponent> m_components = new ArrayList<>();

    private JPanel m_currentTab;

    private JPanel m_currentGroup;

    private boolean m_horizontal;

    private Box m_currentRow;

    /** Creates a pane with one tab, "Options". */
    public DefaultNodeSettingsPane() {
        createNewTab(DEFAULT_TAB_TITLE);
    }

    /** @param tabTitle new title of the first tab */
    public void setDefaultTabTitle(final String tabTitle) {
        renameFirstTab(tabTitle);
    }

    private void renameFirstTab(final String tabTitle) {
        javax.swing.JTabbedPane tabs = (javax.swing.JTabbedPane)getPanel().getComponent(0);
        tabs.setTitleAt(0, tabTitle);
    }

    /** @param tabTitle title of the new tab; following components go there */
    public void createNewTab(final String tabTitle) {
        m_currentTab = new JPanel();
        m_currentTab.setLayout(new BoxLayout(m_currentTab, BoxLayout.Y_AXIS));
        m_currentGroup = null;
        m_currentRow = null;
        addTab(tabTitle, m_currentTab);
    }

    /** @param tabTitle title of the tab to select */
    public void selectTab(final String tabTitle) {
        // selection has no effect offline
    }

    /** @param title title of the new group; following components go there */
    public void createNewGroup(final String title) {
        m_currentGroup = new JPanel();
        m_currentGroup.setLayout(new BoxLayout(m_currentGroup, BoxLayout.Y_AXIS));
        m_currentGroup.setBorder(BorderFactory.createTitledBorder(title));
        m_currentTab.add(m_currentGroup);
        m_currentRow = null;
    }

    /** Ends the current group. */
    public void closeCurrentGroup() {
        m_currentGroup = null;
        m_currentRow = null;
    }

    /** @param diaC the component to add to the current tab/group */
    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        JPanel container = m_currentGroup != null ? m_currentGroup : m_currentTab;
        if (m_horizontal) {
            if (m_currentRow == null) {
                m_currentRow = Box.createHorizontalBox();
                container.add(m_currentRow);
            }
            m_currentRow.add(diaC.getComponentPanel());
        } else {
            container.add(diaC.getComponentPanel());
        }
    }

    /** @param horizontal whether following components are placed side by side */
    public void setHorizontalPlacement(final boolean horizontal) {
        m_horizontal = horizontal;
        m_currentRow = null;
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    /**
     * @param settings settings to show
     * @param specs input specs
     * @throws NotConfigurableException if the dialog cannot be opened
     */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        // hook
    }

    /**
     * @param settings where to save
     * @throws InvalidSettingsException if invalid
     */
    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // hook
    }
}

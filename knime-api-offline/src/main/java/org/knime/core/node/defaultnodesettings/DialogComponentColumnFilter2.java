package org.knime.core.node.defaultnodesettings;

import javax.swing.JList;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Offline stand-in for KNIME's DialogComponentColumnFilter2 (knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentColumnFilter2.java); behaviour simplified for tests (lightweight Swing, headless-safe).
 */
public class DialogComponentColumnFilter2 extends DialogComponent {

    private final int m_inPortIdx;

    private final JList<String> m_includes = new JList<>();

    /**
     * @param model the model
     * @param inPortIdx the input port whose columns are filtered
     */
    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIdx) {
        super(model);
        m_inPortIdx = inPortIdx;
        getComponentPanel().add(m_includes);
    }

    @Override
    protected void updateComponent() {
        PortObjectSpec spec = getLastTableSpec(m_inPortIdx);
        if (spec instanceof DataTableSpec) {
            m_includes.setListData(((SettingsModelColumnFilter2)getModel()).applyTo((DataTableSpec)spec).getIncludes());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the lists are edited in the model
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_inPortIdx || !(specs[m_inPortIdx] instanceof DataTableSpec)) {
            throw new NotConfigurableException("No input table spec available at port " + m_inPortIdx + ".");
        }
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_includes.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_includes.setToolTipText(text);
    }
}

package org.knime.offline.testing;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;

import org.knime.core.node.NodeDialogPane;

/** Reads what a (stand-in) dialog shows: tab titles, labels and check box texts, combo box choices. */
public final class DialogInspector {

    private DialogInspector() {
    }

    /**
     * @param dialog a dialog
     * @return the tab titles in order
     */
    public static List<String> tabTitles(final NodeDialogPane dialog) {
        List<String> titles = new ArrayList<>();
        collect(dialog.getPanel(), c -> {
            if (c instanceof JTabbedPane) {
                JTabbedPane tabs = (JTabbedPane)c;
                for (int i = 0; i < tabs.getTabCount(); i++) {
                    titles.add(tabs.getTitleAt(i));
                }
            }
        });
        return titles;
    }

    /**
     * @param dialog a dialog
     * @return the texts of all labels and check boxes, in layout order
     */
    public static List<String> labels(final NodeDialogPane dialog) {
        List<String> labels = new ArrayList<>();
        collect(dialog.getPanel(), c -> {
            if (c instanceof JLabel) {
                labels.add(((JLabel)c).getText());
            } else if (c instanceof AbstractButton) {
                labels.add(((AbstractButton)c).getText());
            }
        });
        return labels;
    }

    /**
     * @param dialog a dialog
     * @return the choices of every combo box, in layout order
     */
    public static List<List<String>> choices(final NodeDialogPane dialog) {
        List<List<String>> result = new ArrayList<>();
        collect(dialog.getPanel(), c -> {
            if (c instanceof JComboBox) {
                JComboBox<?> box = (JComboBox<?>)c;
                List<String> items = new ArrayList<>();
                for (int i = 0; i < box.getItemCount(); i++) {
                    items.add(String.valueOf(box.getItemAt(i)));
                }
                result.add(items);
            }
        });
        return result;
    }

    private static void collect(final Component c, final java.util.function.Consumer<Component> visitor) {
        visitor.accept(c);
        if (c instanceof Container && !(c instanceof JComboBox)) {
            for (Component child : ((Container)c).getComponents()) {
                collect(child, visitor);
            }
        }
    }
}

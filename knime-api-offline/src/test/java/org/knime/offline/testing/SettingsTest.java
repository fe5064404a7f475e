package org.knime.offline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

class SettingsTest {

    private static NodeSettings filled() {
        NodeSettings s = new NodeSettings("root");
        s.addInt("i", 7);
        s.addDouble("d", Double.NaN);
        s.addLong("l", 1L << 40);
        s.addString("s", "text <&> \"quoted\"");
        s.addString("nullString", null);
        s.addBoolean("b", true);
        s.addStringArray("sa", "a", null, "c");
        s.addDoubleArray("da", 0.1, -2.5e-300, Double.POSITIVE_INFINITY);
        s.addNodeSettings("sub").addInt("x", 1);
        return s;
    }

    @Test
    void typedGettersReturnWhatWasAddedAndDefaultsApplyOnlyWhenAbsent() throws Exception {
        NodeSettings s = filled();
        assertEquals(7, s.getInt("i"));
        assertTrue(Double.isNaN(s.getDouble("d")));
        assertEquals(1L << 40, s.getLong("l"));
        assertNull(s.getString("nullString"));
        assertTrue(s.getBoolean("b"));
        assertArrayEquals(new String[]{"a", null, "c"}, s.getStringArray("sa"));
        assertEquals(1, s.getNodeSettings("sub").getInt("x"));
        assertEquals(3, s.getInt("absent", 3));
        assertEquals("dflt", s.getString("absent", "dflt"));
        assertTrue(s.containsKey("sub"));
        assertFalse(s.containsKey("absent"));
    }

    @Test
    void missingKeyAndWrongTypeAreInvalidSettings() {
        NodeSettings s = filled();
        InvalidSettingsException missing = assertThrows(InvalidSettingsException.class, () -> s.getInt("nope"));
        assertTrue(missing.getMessage().contains("nope"));
        assertThrows(InvalidSettingsException.class, () -> s.getInt("s"));
    }

    @Test
    void xmlRoundTripKeepsEveryEntry() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        filled().saveToXML(out);
        NodeSettingsRO back = NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(7, back.getInt("i"));
        assertTrue(Double.isNaN(back.getDouble("d")));
        assertEquals("text <&> \"quoted\"", back.getString("s"));
        assertNull(back.getString("nullString"));
        assertArrayEquals(new String[]{"a", null, "c"}, back.getStringArray("sa"));
        assertArrayEquals(new double[]{0.1, -2.5e-300, Double.POSITIVE_INFINITY}, back.getDoubleArray("da"));
        assertEquals(1, back.getNodeSettings("sub").getInt("x"));
    }

    @Test
    void boundedModelsRejectOutOfRangeValuesOnValidate() {
        SettingsModelIntegerBounded epochs = new SettingsModelIntegerBounded("epochs", 10, 1, 100);
        NodeSettings s = new NodeSettings("m");
        epochs.saveSettingsTo(s);
        s.addInt("epochs", 0);
        assertThrows(InvalidSettingsException.class, () -> epochs.validateSettings(s));
        assertThrows(IllegalArgumentException.class, () -> epochs.setIntValue(101));
        SettingsModelDoubleBounded rate = new SettingsModelDoubleBounded("rate", 0.1, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> rate.setDoubleValue(Double.NaN));
    }

    @Test
    void modelsRoundTripThroughSettings() throws Exception {
        SettingsModelString name = new SettingsModelString("name", "a");
        name.setStringValue("b");
        NodeSettings s = new NodeSettings("m");
        name.saveSettingsTo(s);
        SettingsModelString other = new SettingsModelString("name", "a");
        other.validateSettings(s);
        other.loadSettingsFrom(s);
        assertEquals("b", other.getStringValue());
    }

    @Test
    void columnFilterAppliesTypeFilterAndEnforceOption() throws Exception {
        DataTableSpec spec = new DataTableSpec(new String[]{"x", "label", "n", "flag"},
            new DataType[]{DoubleCell.TYPE, StringCell.TYPE, IntCell.TYPE, BooleanCell.TYPE});
        SettingsModelColumnFilter2 filter = new SettingsModelColumnFilter2("cols", DoubleValue.class);
        assertArrayEquals(new String[]{"x", "n", "flag"}, filter.applyTo(spec).getIncludes(),
            "default: all compatible columns included, as KNIME (boolean cells are DoubleValues)");

        NodeSettings s = new NodeSettings("m");
        ColumnFilterSettings.include(s, "cols", "n", "gone");
        filter.loadSettingsFrom(s);
        assertArrayEquals(new String[]{"n"}, filter.applyTo(spec).getIncludes());
        assertArrayEquals(new String[]{"x", "flag"}, filter.applyTo(spec).getExcludes());
        assertArrayEquals(new String[]{"gone"}, filter.applyTo(spec).getRemovedFromIncludes());

        NodeSettings ex = new NodeSettings("m");
        ColumnFilterSettings.exclude(ex, "cols", "x");
        filter.loadSettingsFrom(ex);
        assertArrayEquals(new String[]{"n", "flag"}, filter.applyTo(spec).getIncludes());

        NodeSettings saved = new NodeSettings("m");
        filter.saveSettingsTo(saved);
        SettingsModelColumnFilter2 reloaded = new SettingsModelColumnFilter2("cols", DoubleValue.class);
        reloaded.loadSettingsFrom(saved);
        assertArrayEquals(new String[]{"n", "flag"}, reloaded.applyTo(spec).getIncludes());
    }
}

package org.knime.core.node.util.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Offline stand-in for KNIME's NameFilterConfiguration (knime-core org.knime.core/src/eclipse/org/knime/core/node/util/filter/NameFilterConfiguration.java); behaviour
 * simplified for tests: include/exclude lists with enforce option, same settings keys, no pattern filter.
 */
public class NameFilterConfiguration implements Cloneable {

    private static final String TYPE = "STANDARD";

    private static final String KEY_INCLUDED_NAMES = "included_names";

    private static final String KEY_EXCLUDED_NAMES = "excluded_names";

    private static final String KEY_ENFORCE_OPTION = "enforce_option";

    private static final String KEY_FILTER_TYPE = "filter-type";

    private final String m_configRootName;

    private String[] m_includeList = new String[0];

    private String[] m_excludeList = new String[0];

    private EnforceOption m_enforceOption = EnforceOption.EnforceExclusion;

    /** Which list is kept when new names appear. */
    public enum EnforceOption {
        /** Only listed includes are included; new names are excluded. */
        EnforceInclusion,
        /** Only listed excludes are excluded; new names are included. */
        EnforceExclusion;

        /**
         * @param name option name
         * @return the option
         * @throws InvalidSettingsException if unknown
         */
        public static EnforceOption parse(final String name) throws InvalidSettingsException {
            try {
                return EnforceOption.valueOf(name);
            } catch (Exception iae) {
                throw new InvalidSettingsException("Can't parse enforce option: " + name, iae);
            }
        }
    }

    /** The outcome of applying a filter to a list of names. */
    public static class FilterResult {
        private final String[] m_incls;

        private final String[] m_excls;

        private final String[] m_removedFromIncludes;

        private final String[] m_removedFromExcludes;

        /**
         * @param incls included names
         * @param excls excluded names
         * @param removedFromIncludes listed includes that do not exist any more
         * @param removedFromExcludes listed excludes that do not exist any more
         */
        public FilterResult(final List<String> incls, final List<String> excls, final List<String> removedFromIncludes,
            final List<String> removedFromExcludes) {
            m_incls = incls.toArray(new String[0]);
            m_excls = excls.toArray(new String[0]);
            m_removedFromIncludes = removedFromIncludes.toArray(new String[0]);
            m_removedFromExcludes = removedFromExcludes.toArray(new String[0]);
        }

        /** @return listed includes that do not exist any more */
        public String[] getRemovedFromIncludes() {
            return m_removedFromIncludes.clone();
        }

        /** @return listed excludes that do not exist any more */
        public String[] getRemovedFromExcludes() {
            return m_removedFromExcludes.clone();
        }

        /** @return included names, in input order */
        public String[] getIncludes() {
            return m_incls.clone();
        }

        /** @return excluded names, in input order */
        public String[] getExcludes() {
            return m_excls.clone();
        }
    }

    /** @param configRootName the settings key of this configuration */
    public NameFilterConfiguration(final String configRootName) {
        if (configRootName == null || configRootName.isEmpty()) {
            throw new IllegalArgumentException("Config name must not be null or empty.");
        }
        m_configRootName = configRootName;
    }

    /**
     * @param settings settings holding this configuration
     * @throws InvalidSettingsException if missing or invalid
     */
    public final void loadConfigurationInModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        NodeSettingsRO sub = settings.getNodeSettings(m_configRootName);
        String type = sub.getString(KEY_FILTER_TYPE);
        if (!TYPE.equals(type)) {
            throw new InvalidSettingsException("Invalid type: " + type);
        }
        m_enforceOption = EnforceOption.parse(sub.getString(KEY_ENFORCE_OPTION));
        String[] incl = sub.getStringArray(KEY_INCLUDED_NAMES);
        String[] excl = sub.getStringArray(KEY_EXCLUDED_NAMES);
        m_includeList = incl == null ? new String[0] : incl;
        m_excludeList = excl == null ? new String[0] : excl;
    }

    /** @param settings where to save this configuration */
    public final void saveConfiguration(final NodeSettingsWO settings) {
        NodeSettingsWO sub = settings.addNodeSettings(m_configRootName);
        sub.addString(KEY_FILTER_TYPE, TYPE);
        sub.addStringArray(KEY_INCLUDED_NAMES, m_includeList);
        sub.addStringArray(KEY_EXCLUDED_NAMES, m_excludeList);
        sub.addString(KEY_ENFORCE_OPTION, m_enforceOption.name());
    }

    /** @return the settings key */
    public final String getConfigRootName() {
        return m_configRootName;
    }

    /**
     * @param includes included names
     * @param excludes excluded names
     * @param enforceOption which list to enforce
     */
    public void loadDefaults(final String[] includes, final String[] excludes, final EnforceOption enforceOption) {
        m_includeList = includes == null ? new String[0] : includes.clone();
        m_excludeList = excludes == null ? new String[0] : excludes.clone();
        m_enforceOption = enforceOption;
    }

    /** @return whether inclusion is enforced */
    public boolean isEnforceInclusion() {
        return m_enforceOption == EnforceOption.EnforceInclusion;
    }

    /** @return whether exclusion is enforced */
    public boolean isEnforceExclusion() {
        return m_enforceOption == EnforceOption.EnforceExclusion;
    }

    /**
     * @param names the candidate names, in order
     * @return the filter result
     */
    protected FilterResult applyTo(final String[] names) {
        Set<String> present = new LinkedHashSet<>(Arrays.asList(names));
        Set<String> incl = new LinkedHashSet<>(Arrays.asList(m_includeList));
        Set<String> excl = new LinkedHashSet<>(Arrays.asList(m_excludeList));
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        for (String n : names) {
            boolean included = isEnforceInclusion() ? incl.contains(n) : !excl.contains(n);
            (included ? includes : excludes).add(n);
        }
        List<String> removedIncl = incl.stream().filter(n -> !present.contains(n)).toList();
        List<String> removedExcl = excl.stream().filter(n -> !present.contains(n)).toList();
        return new FilterResult(includes, excludes, removedIncl, removedExcl);
    }

    @Override
    public NameFilterConfiguration clone() {
        try {
            NameFilterConfiguration c = (NameFilterConfiguration)super.clone();
            c.m_includeList = m_includeList.clone();
            c.m_excludeList = m_excludeList.clone();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof NameFilterConfiguration)) {
            return false;
        }
        NameFilterConfiguration o = (NameFilterConfiguration)obj;
        return m_configRootName.equals(o.m_configRootName) && m_enforceOption == o.m_enforceOption
            && Arrays.equals(m_includeList, o.m_includeList) && Arrays.equals(m_excludeList, o.m_excludeList);
    }

    @Override
    public int hashCode() {
        return m_configRootName.hashCode() ^ Arrays.hashCode(m_includeList) ^ Arrays.hashCode(m_excludeList);
    }
}

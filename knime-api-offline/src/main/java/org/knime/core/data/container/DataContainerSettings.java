package org.knime.core.data.container;

/**
 * Offline stand-in for KNIME's DataContainerSettings (knime-core
 * org.knime.core/src/eclipse/org/knime/core/data/container/DataContainerSettings.java, public builder since 5.3);
 * only the public {@link #builder()} and the two settings this extension uses. Offline, containers keep no
 * domains, so only the duplicate check changes what a container does.
 */
public final class DataContainerSettings {

    private final boolean m_checkDuplicateRowKeys;

    private DataContainerSettings(final boolean checkDuplicateRowKeys) {
        m_checkDuplicateRowKeys = checkDuplicateRowKeys;
    }

    /**
     * A builder starting from KNIME's defaults: domains initialized from the spec, row keys checked for
     * duplicates, domains updated while rows are added (in KNIME, the workflow's or installation's settings
     * where they differ).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new BuilderImpl();
    }

    /**
     * Whether containers with these settings reject duplicate row keys (in KNIME: public but not for clients).
     *
     * @return the setting
     */
    public boolean isCheckDuplicateRowKeys() {
        return m_checkDuplicateRowKeys;
    }

    /** Builds {@link DataContainerSettings}; in KNIME a sealed interface, implemented by KNIME only. */
    public sealed interface Builder permits BuilderImpl {

        /**
         * @param initDomain whether the container starts from the spec's domains
         * @return this
         */
        Builder withInitializedDomain(boolean initDomain);

        /**
         * @param enableCheckDuplicateRowKeys whether the container rejects duplicate row keys
         * @return this
         */
        Builder withCheckDuplicateRowKeys(boolean enableCheckDuplicateRowKeys);

        /** @return the settings */
        DataContainerSettings build();
    }

    /** Offline there are no domains: the domain setting is accepted and has no effect. */
    private static final class BuilderImpl implements Builder {

        private boolean m_check = true;

        @Override
        public Builder withInitializedDomain(final boolean initDomain) {
            return this;
        }

        @Override
        public Builder withCheckDuplicateRowKeys(final boolean enableCheckDuplicateRowKeys) {
            m_check = enableCheckDuplicateRowKeys;
            return this;
        }

        @Override
        public DataContainerSettings build() {
            return new DataContainerSettings(m_check);
        }
    }
}

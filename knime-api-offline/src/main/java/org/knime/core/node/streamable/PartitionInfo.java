package org.knime.core.node.streamable;

/**
 * Offline stand-in for KNIME's PartitionInfo (knime-core org.knime.core/src/eclipse/org/knime/core/node/streamable/PartitionInfo.java); behaviour simplified for tests.
 */
public class PartitionInfo {

    private final int m_partitionIndex;

    private final int m_partitionCount;

    /**
     * @param partitionIndex index of this partition
     * @param partitionCount number of partitions
     */
    public PartitionInfo(final int partitionIndex, final int partitionCount) {
        m_partitionIndex = partitionIndex;
        m_partitionCount = partitionCount;
    }

    /** @return index of this partition */
    public int getPartitionIndex() {
        return m_partitionIndex;
    }

    /** @return number of partitions */
    public int getPartitionCount() {
        return m_partitionCount;
    }
}

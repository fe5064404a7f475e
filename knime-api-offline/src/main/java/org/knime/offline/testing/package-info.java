/**
 * Test helpers for code written against the offline KNIME stand-ins: building tables, running node models the way
 * KNIME's framework does, round-tripping port objects through their registered serializers, inspecting dialogs.
 * Not part of KNIME's API; never used by production code.
 */
package org.knime.offline.testing;

/**
 * The two pictures users judge an autoencoder by: the loss per epoch ({@link org.aedetect.autoencoder.chart.LossCurveChart})
 * and the histogram of scores with the threshold drawn on it ({@link org.aedetect.autoencoder.chart.HistogramChart}).
 * Drawn with JFreeChart (LGPL 2.1, embedded in the bundle), headless-safe, and free of KNIME classes so that the node
 * views, the Threshold Filter's image port and the batch report ({@link org.aedetect.autoencoder.chart.Charts},
 * {@link org.aedetect.autoencoder.chart.ReportPage}) share one drawing.
 */
package org.aedetect.autoencoder.chart;

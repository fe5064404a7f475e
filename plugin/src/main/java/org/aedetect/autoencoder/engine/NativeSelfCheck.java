package org.aedetect.autoencoder.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Proves that the native backend loads and trains in the current class-loader setup: initialises
 * ND4J, trains a tiny 8-3-8 autoencoder for a few steps and reports the loss before and after. Used
 * by the OSGi packaging test and by the GPU check script; cheap enough to run anywhere.
 */
public final class NativeSelfCheck {

    private NativeSelfCheck() {
    }

    /**
     * Runs the check.
     *
     * @return backend, device, "lossBefore", "lossAfter" and the backend "warnings" (as strings, so the
     *         map can cross class loaders)
     */
    public static Map<String, String> run() {
        final BackendInfo backend = Nd4jRuntime.ensureInitialized();
        final MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
            .seed(7)
            .dataType(DataType.FLOAT)
            .updater(new Adam(0.05))
            .list()
            .layer(new DenseLayer.Builder().nIn(8).nOut(3).activation(Activation.TANH).build())
            .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(3).nOut(8)
                .activation(Activation.IDENTITY).build())
            .build();
        final MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // rank-2 data: every row is a mix of two fixed patterns, so 3 hidden units suffice
        final INDArray mix = Nd4j.rand(DataType.FLOAT, 64, 2);
        final INDArray patterns = Nd4j.createFromArray(new float[][] {
            {1, 0, 1, 0, 1, 0, 1, 0}, {0, 1, 1, 0, 0, 1, 1, 0}});
        final INDArray x = mix.mmul(patterns);
        final DataSet data = new DataSet(x, x);
        final double before = net.score(data);
        for (int i = 0; i < 200; i++) {
            net.fit(data);
        }
        final double after = net.score(data);
        final Map<String, String> result = new LinkedHashMap<>();
        result.put("backend", backend.backend());
        result.put("device", backend.device());
        result.put("nd4jBackendClass", Nd4j.getBackend().getClass().getName());
        result.put("lossBefore", Double.toString(before));
        result.put("lossAfter", Double.toString(after));
        result.put("warnings", String.join("\n", backend.warnings()));
        return result;
    }
}

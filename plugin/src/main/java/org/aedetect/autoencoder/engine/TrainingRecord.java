package org.aedetect.autoencoder.engine;

import java.util.List;

import org.aedetect.autoencoder.engine.backend.BackendInfo;

/**
 * What a training run left besides the network: the training-error distribution, the epoch history,
 * the epoch whose weights were kept, the backend, warnings and row counts.
 */
record TrainingRecord(ErrorDistribution trainingErrors, List<EpochEvent> history, int bestEpoch,
    BackendInfo backend, List<String> warnings, long trainingRows, long validationRows, long skippedRows) {

    TrainingRecord {
        history = List.copyOf(history);
        warnings = List.copyOf(warnings);
    }
}

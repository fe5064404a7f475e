package org.aedetect.autoencoder.batch;

import java.io.PrintStream;
import java.util.Locale;

import org.aedetect.autoencoder.engine.EpochEvent;
import org.aedetect.autoencoder.engine.TrainingListener;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over all training rows of all epochs, with the epoch and its losses as the bar's
 * message; when early stopping ends training before the last epoch, the bar is completed there.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    private final PrintStream out;

    private final int epochs;

    private ProgressBar bar;

    private long rowsPerEpoch;

    private String lastLoss = "";

    TrainingProgress(final PrintStream out, final int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void onMiniBatch(final int epoch, final long rowsDone, final long rowsPerEpochNow) {
        if (bar == null) {
            rowsPerEpoch = Math.max(1, rowsPerEpochNow);
            bar = new ProgressBarBuilder().setTaskName("Training").setInitialMax(epochs * rowsPerEpoch)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(out, 120)).continuousUpdate().build();
        }
        bar.stepTo((epoch - 1) * rowsPerEpoch + rowsDone);
        bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d%s", epoch, epochs, lastLoss));
    }

    @Override
    public void onEpoch(final EpochEvent event) {
        lastLoss = Double.isNaN(event.validationLoss())
            ? String.format(Locale.ROOT, ", loss %.5f", event.trainingLoss())
            : String.format(Locale.ROOT, ", loss %.5f, val %.5f", event.trainingLoss(), event.validationLoss());
        if (bar != null) {
            bar.stepTo(event.epoch() * rowsPerEpoch);
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d/%d%s", event.epoch(), epochs, lastLoss));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.maxHint(bar.getCurrent());
            bar.close();
        }
    }
}

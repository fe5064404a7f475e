package org.aedetect.autoencoder.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.aedetect.autoencoder.engine.backend.BackendChoice;
import org.aedetect.autoencoder.engine.backend.BackendInfo;
import org.aedetect.autoencoder.engine.backend.Nd4jRuntime;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The model file: a zip with {@value #FORMAT_ENTRY} (magic, format version, engine and DL4J versions),
 * {@value #METADATA_ENTRY} (spec, columns, normalization, training errors, history, backend, warnings)
 * and {@value #NETWORK_ENTRY} (DL4J's own model zip, without optimizer state, so a model can score but
 * not continue training). Any problem reading it becomes a {@link ModelFormatException} with a message
 * saying what to do; files of a newer format version are refused rather than half-read.
 */
final class ModelFile {

    static final String MAGIC = "org.aedetect.autoencoder.model";

    static final int FORMAT_VERSION = 1;

    /** Version of this engine, recorded for support; the format version decides compatibility. */
    static final String ENGINE_VERSION = "0.1.0";

    static final String FORMAT_ENTRY = "format.json";

    static final String METADATA_ENTRY = "metadata.json";

    static final String NETWORK_ENTRY = "network.zip";

    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};

    private static final byte[] END_SIGNATURE = {'P', 'K', 5, 6};

    private static final int END_RECORD_LENGTH = 22;

    // NaN (validation loss without validation rows) must survive the round trip
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private ModelFile() {
    }

    static void write(final TrainedAutoencoder model, final OutputStream out) throws IOException {
        final ZipOutputStream zip = new ZipOutputStream(new CloseShieldOutputStream(out));
        writeJson(zip, FORMAT_ENTRY, formatJson());
        writeJson(zip, METADATA_ENTRY, Metadata.toJson(model));
        zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
        ModelSerializer.writeModel(model.network(), zip, false);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static JsonObject formatJson() {
        final JsonObject format = new JsonObject();
        format.addProperty("magic", MAGIC);
        format.addProperty("formatVersion", FORMAT_VERSION);
        format.addProperty("engineVersion", ENGINE_VERSION);
        format.addProperty("dl4jVersion", Dl4jVersion.current());
        return format;
    }

    private static void writeJson(final ZipOutputStream zip, final String name, final JsonElement json)
        throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        final Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        GSON.toJson(json, writer);
        writer.flush();
        zip.closeEntry();
    }

    static TrainedAutoencoder read(final InputStream in) throws ModelFormatException {
        final Map<String, byte[]> entries = readEntries(in);
        final JsonObject format = parse(entries, FORMAT_ENTRY);
        checkFormat(format);
        final JsonObject metadata = parse(entries, METADATA_ENTRY);
        final byte[] network = require(entries, NETWORK_ENTRY);
        final MultiLayerNetwork net = restoreNetwork(network);
        try {
            return Metadata.fromJson(metadata, net);
        } catch (RuntimeException e) {
            throw new ModelFormatException("The model file is corrupt: its metadata cannot be read (" + e.getMessage()
                + "). Train the model again.", e);
        }
    }

    private static Map<String, byte[]> readEntries(final InputStream in) throws ModelFormatException {
        final byte[] file;
        try {
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelFormatException("The model file cannot be read (" + e.getMessage() + ").", e);
        }
        checkFrame(file);
        final Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFormatException("The model file is truncated or corrupt (" + e.getMessage()
                + "). Save the model again, or check that the file was copied completely.", e);
        }
        return entries;
    }

    /**
     * Tells an empty file, a file of another kind and a cut-off file apart before unzipping: a zip
     * starts with a local header and (as this class writes it, without comment) ends with the 22-byte
     * end-of-central-directory record, which streaming unzip alone would not miss.
     */
    private static void checkFrame(final byte[] file) throws ModelFormatException {
        if (file.length == 0) {
            throw new ModelFormatException("The model file is empty. Save the model again, or choose the right "
                + "file.");
        }
        if (file.length < LOCAL_HEADER.length || !Arrays.equals(file, 0, LOCAL_HEADER.length, LOCAL_HEADER, 0,
            LOCAL_HEADER.length)) {
            throw new ModelFormatException("This is not an autoencoder model file (it is not a zip archive). "
                + "Choose a file saved by the Autoencoder Learner.");
        }
        final int end = file.length - END_RECORD_LENGTH;
        if (end < 0 || !Arrays.equals(file, end, end + END_SIGNATURE.length, END_SIGNATURE, 0, END_SIGNATURE.length)) {
            throw new ModelFormatException("The model file is truncated: it ends before its end marker. Save the "
                + "model again, or check that the file was copied completely.");
        }
    }

    private static byte[] require(final Map<String, byte[]> entries, final String name)
        throws ModelFormatException {
        final byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new ModelFormatException("The model file is incomplete or not an autoencoder model file: it has "
                + "no '" + name + "' part. Save the model again, or check that the file was copied completely.");
        }
        return bytes;
    }

    private static JsonObject parse(final Map<String, byte[]> entries, final String name)
        throws ModelFormatException {
        final String text = new String(require(entries, name), StandardCharsets.UTF_8);
        try {
            return new JsonParser().parse(text).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new ModelFormatException("The model file is corrupt: its '" + name + "' part is not readable ("
                + e.getMessage() + "). Train the model again.", e);
        }
    }

    private static void checkFormat(final JsonObject format) throws ModelFormatException {
        final JsonElement magic = format.get("magic");
        final JsonElement version = format.get("formatVersion");
        if (magic == null || !magic.isJsonPrimitive() || !MAGIC.equals(magic.getAsString()) || version == null
            || !version.isJsonPrimitive()) {
            throw new ModelFormatException("This is not an autoencoder model file (its format description is "
                + "missing or foreign). Choose a file saved by the Autoencoder Learner.");
        }
        final int formatVersion;
        try {
            formatVersion = version.getAsInt();
        } catch (NumberFormatException e) {
            throw new ModelFormatException("The model file is corrupt: its format version '" + version
                + "' is not a number. Train the model again.", e);
        }
        if (formatVersion > FORMAT_VERSION) {
            final JsonElement engine = format.get("engineVersion");
            throw new ModelFormatException("This model was saved by a newer version of the Autoencoder extension "
                + "(model format " + formatVersion + (engine == null ? "" : ", engine " + engine.getAsString())
                + "); this version reads model format " + FORMAT_VERSION + " only. Update the extension.");
        }
        if (formatVersion < 1) {
            throw new ModelFormatException("The model file is corrupt: its format version " + formatVersion
                + " is invalid. Train the model again.");
        }
    }

    private static MultiLayerNetwork restoreNetwork(final byte[] bytes) throws ModelFormatException {
        Nd4jRuntime.ensureInitialized();
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException("The model file is corrupt: its network cannot be read (" + e.getMessage()
                + "). Train the model again.", e);
        }
    }

    /** The JSON of {@value ModelFile#METADATA_ENTRY}, field by field, so the layout is explicit. */
    static final class Metadata {

        private Metadata() {
        }

        static JsonObject toJson(final TrainedAutoencoder model) {
            final JsonObject json = new JsonObject();
            json.add("columns", strings(model.columnNames()));
            json.add("spec", spec(model.spec()));
            json.add("normalization", normalization(model.normalizer()));
            final TrainingRecord record = model.record();
            json.add("trainingErrors", errors(record.trainingErrors()));
            final JsonArray history = new JsonArray();
            for (final EpochEvent e : record.history()) {
                final JsonObject event = new JsonObject();
                event.addProperty("epoch", e.epoch());
                event.addProperty("totalEpochs", e.totalEpochs());
                event.addProperty("trainingLoss", e.trainingLoss());
                event.addProperty("validationLoss", e.validationLoss());
                event.addProperty("seconds", e.seconds());
                history.add(event);
            }
            json.add("history", history);
            json.addProperty("bestEpoch", record.bestEpoch());
            json.add("backend", backend(record.backend()));
            json.add("warnings", strings(record.warnings()));
            json.addProperty("trainingRows", record.trainingRows());
            json.addProperty("validationRows", record.validationRows());
            json.addProperty("skippedRows", record.skippedRows());
            return json;
        }

        static TrainedAutoencoder fromJson(final JsonObject json, final MultiLayerNetwork network) {
            final List<String> columns = strings(json.getAsJsonArray("columns"));
            final AutoencoderSpec spec = spec(json.getAsJsonObject("spec"));
            final Normalization normalization = normalization(json.getAsJsonObject("normalization"));
            final List<EpochEvent> history = new ArrayList<>();
            for (final JsonElement element : json.getAsJsonArray("history")) {
                final JsonObject e = element.getAsJsonObject();
                history.add(new EpochEvent(e.get("epoch").getAsInt(), e.get("totalEpochs").getAsInt(),
                    e.get("trainingLoss").getAsDouble(), e.get("validationLoss").getAsDouble(),
                    e.get("seconds").getAsDouble()));
            }
            final TrainingRecord record = new TrainingRecord(errors(json.getAsJsonObject("trainingErrors")), history,
                json.get("bestEpoch").getAsInt(), backend(json.getAsJsonObject("backend")),
                strings(json.getAsJsonArray("warnings")), json.get("trainingRows").getAsLong(),
                json.get("validationRows").getAsLong(), json.get("skippedRows").getAsLong());
            if (columns.size() != normalization.columnCount() || network.layerInputSize(0) != columns.size()) {
                throw new IllegalArgumentException("the columns, normalization and network do not match");
            }
            return new TrainedAutoencoder(columns, spec, normalization, network, record);
        }

        private static JsonObject spec(final AutoencoderSpec spec) {
            final JsonObject json = new JsonObject();
            json.add("hiddenLayers", ints(spec.hiddenLayers()));
            json.addProperty("hiddenActivation", spec.hiddenActivation().name());
            json.addProperty("outputActivation", spec.outputActivation().name());
            json.addProperty("dropout", spec.dropout());
            json.addProperty("l2", spec.l2());
            json.addProperty("loss", spec.loss().name());
            json.addProperty("optimizer", spec.optimizer().name());
            json.addProperty("learningRate", spec.learningRate());
            json.addProperty("epochs", spec.epochs());
            json.addProperty("batchSize", spec.batchSize());
            json.addProperty("validationFraction", spec.validationFraction());
            json.addProperty("earlyStoppingPatience", spec.earlyStoppingPatience());
            json.addProperty("seed", spec.seed());
            json.addProperty("normalization", spec.normalization().name());
            json.addProperty("noiseStdDev", spec.noiseStdDev());
            json.addProperty("missingValuePolicy", spec.missingValuePolicy().name());
            return json;
        }

        private static AutoencoderSpec spec(final JsonObject json) {
            return AutoencoderSpec.builder()
                .hiddenLayers(intArray(json.getAsJsonArray("hiddenLayers")))
                .hiddenActivation(HiddenActivation.valueOf(json.get("hiddenActivation").getAsString()))
                .outputActivation(OutputActivation.valueOf(json.get("outputActivation").getAsString()))
                .dropout(json.get("dropout").getAsDouble())
                .l2(json.get("l2").getAsDouble())
                .loss(LossKind.valueOf(json.get("loss").getAsString()))
                .optimizer(OptimizerKind.valueOf(json.get("optimizer").getAsString()))
                .learningRate(json.get("learningRate").getAsDouble())
                .epochs(json.get("epochs").getAsInt())
                .batchSize(json.get("batchSize").getAsInt())
                .validationFraction(json.get("validationFraction").getAsDouble())
                .earlyStoppingPatience(json.get("earlyStoppingPatience").getAsInt())
                .seed(json.get("seed").getAsLong())
                .normalization(NormalizationKind.valueOf(json.get("normalization").getAsString()))
                .noiseStdDev(json.get("noiseStdDev").getAsDouble())
                .missingValuePolicy(MissingValuePolicy.valueOf(json.get("missingValuePolicy").getAsString()))
                .build();
        }

        private static JsonObject normalization(final Normalization normalization) {
            final JsonObject json = new JsonObject();
            json.addProperty("kind", normalization.kind().name());
            json.add("offset", doubles(normalization.offset()));
            json.add("scale", doubles(normalization.scale()));
            json.add("imputationMeans", doubles(normalization.imputationMeans()));
            return json;
        }

        private static Normalization normalization(final JsonObject json) {
            return new Normalization(NormalizationKind.valueOf(json.get("kind").getAsString()),
                doubleArray(json.getAsJsonArray("offset")), doubleArray(json.getAsJsonArray("scale")),
                doubleArray(json.getAsJsonArray("imputationMeans")));
        }

        private static JsonObject errors(final ErrorDistribution errors) {
            final JsonObject json = new JsonObject();
            json.addProperty("count", errors.count());
            json.addProperty("mean", errors.mean());
            json.add("table", doubles(errors.table()));
            return json;
        }

        private static ErrorDistribution errors(final JsonObject json) {
            return ErrorDistribution.fromTable(doubleArray(json.getAsJsonArray("table")), json.get("count").getAsLong(),
                json.get("mean").getAsDouble());
        }

        private static JsonObject backend(final BackendInfo backend) {
            final JsonObject json = new JsonObject();
            json.addProperty("requested", backend.requested().name());
            json.addProperty("backend", backend.backend());
            json.addProperty("device", backend.device());
            json.addProperty("threads", backend.threads());
            json.add("warnings", strings(backend.warnings()));
            return json;
        }

        private static BackendInfo backend(final JsonObject json) {
            return new BackendInfo(BackendChoice.valueOf(json.get("requested").getAsString()),
                json.get("backend").getAsString(), json.get("device").getAsString(), json.get("threads").getAsInt(),
                strings(json.getAsJsonArray("warnings")));
        }

        private static JsonArray strings(final List<String> values) {
            final JsonArray array = new JsonArray();
            values.forEach(array::add);
            return array;
        }

        private static List<String> strings(final JsonArray array) {
            final List<String> values = new ArrayList<>();
            array.forEach(e -> values.add(e.getAsString()));
            return values;
        }

        private static JsonArray doubles(final double[] values) {
            final JsonArray array = new JsonArray();
            for (final double v : values) {
                array.add(v);
            }
            return array;
        }

        private static double[] doubleArray(final JsonArray array) {
            final double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).getAsDouble();
            }
            return values;
        }

        private static JsonArray ints(final int[] values) {
            final JsonArray array = new JsonArray();
            for (final int v : values) {
                array.add(v);
            }
            return array;
        }

        private static int[] intArray(final JsonArray array) {
            final int[] values = new int[array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = array.get(i).getAsInt();
            }
            return values;
        }
    }
}

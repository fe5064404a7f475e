package org.aedetect.autoencoder.batch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file with a header row, held in memory as text so that it can be written back unchanged with
 * the scores appended. A numeric column is one whose non-missing cells are all decimal numbers; an
 * empty cell, "?", "NA" or "NaN" is missing and becomes NaN for the engine.
 */
final class CsvTable {

    /** Read and written: RFC 4180 with a header row, surrounding spaces trimmed. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Set<String> MISSING = Set.of("", "?", "na", "nan");

    private final String source;

    private final List<String> header;

    private final List<String[]> rows;

    private CsvTable(final String source, final List<String> header, final List<String[]> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    /** Reads a CSV file; the message of a failure names the file and what is wrong with it. */
    static CsvTable read(final Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new BatchFailure("The input file " + file + " does not exist. Give the path of a CSV file with a "
                + "header row, e.g. --input data.csv.", e);
        } catch (IOException e) {
            throw new BatchFailure("Cannot read the input file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text.
     *
     * @param source the file name or description, for messages
     */
    static CsvTable read(final String source, final Reader reader) throws IOException {
        final List<String> header;
        final List<String[]> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new BatchFailure(source + " is empty. The input must be a CSV file with a header row.");
            }
            for (final CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // a blank line
                }
                if (record.size() != header.size()) {
                    throw new BatchFailure(source + ", line " + record.getParser().getCurrentLineNumber() + ": "
                        + record.size() + " values, but the header has " + header.size() + " columns.");
                }
                rows.add(record.values());
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new BatchFailure(source + " is not a readable CSV file with a header row: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new BatchFailure(source + " has a header but no data rows.");
        }
        return new CsvTable(source, header, rows);
    }

    String source() {
        return source;
    }

    List<String> header() {
        return header;
    }

    int rowCount() {
        return rows.size();
    }

    /** The cells of row {@code r} (0-based), as read. */
    String[] row(final int r) {
        return rows.get(r);
    }

    /** The 0-based index of {@code column}; fails with a message listing the columns if there is none. */
    int index(final String column, final String what) {
        final int index = header.indexOf(column);
        if (index < 0) {
            throw new BatchFailure(source + " has no column \"" + column + "\" (" + what + "). Its columns are: "
                + String.join(", ", header) + ".");
        }
        return index;
    }

    /** The numeric columns in file order, leaving out {@code excluded}. */
    List<String> numericColumns(final Collection<String> excluded) {
        final List<String> numeric = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!excluded.contains(header.get(c)) && isNumeric(c)) {
                numeric.add(header.get(c));
            }
        }
        return numeric;
    }

    private boolean isNumeric(final int column) {
        boolean any = false;
        for (final String[] row : rows) {
            final String cell = row[column];
            if (isMissing(cell)) {
                continue;
            }
            if (!NUMBER.matcher(cell).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The values of {@code columns}, one row per data row; missing cells are NaN.
     *
     * @throws BatchFailure if a cell is not a number, naming its column and line
     */
    double[][] values(final List<String> columns) {
        final int[] indices = columns.stream().mapToInt(c -> index(c, "an input column")).toArray();
        final double[][] values = new double[rows.size()][indices.length];
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < indices.length; i++) {
                final String cell = rows.get(r)[indices[i]];
                if (isMissing(cell)) {
                    values[r][i] = Double.NaN;
                } else if (NUMBER.matcher(cell).matches()) {
                    values[r][i] = Double.parseDouble(cell);
                } else {
                    throw new BatchFailure("Column \"" + columns.get(i) + "\" holds \"" + cell + "\" in data row "
                        + (r + 1) + " of " + source + ", which is not a number. Choose numeric columns with "
                        + "--columns, or fix the file.");
                }
            }
        }
        return values;
    }

    static boolean isMissing(final String cell) {
        return MISSING.contains(cell.toLowerCase(Locale.ROOT));
    }
}

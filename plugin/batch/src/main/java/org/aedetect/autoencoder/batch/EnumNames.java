package org.aedetect.autoencoder.batch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine;

/**
 * Command-line spelling of enum values: lower case with hyphens ({@code LEAKY_RELU} is
 * {@code leaky-relu}); parsing also accepts upper case and underscores.
 */
final class EnumNames {

    private EnumNames() {
    }

    static String name(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(final Class<E> type, final String text) {
        final String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (final E value : type.getEnumConstants()) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw new CommandLine.TypeConversionException("'" + text + "' is not one of: " + Arrays
            .stream(type.getEnumConstants()).map(EnumNames::name).collect(Collectors.joining(", ")));
    }

    /** Registers the spelling for {@code type} with the command and its subcommands. */
    static <E extends Enum<E>> void register(final CommandLine commandLine, final Class<E> type) {
        commandLine.registerConverter(type, text -> parse(type, text));
    }
}

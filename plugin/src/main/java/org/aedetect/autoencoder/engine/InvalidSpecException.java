package org.aedetect.autoencoder.engine;

import java.util.List;

/** The autoencoder settings cannot be used; the messages say which setting and what to change. */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSpecException(final List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One message per problem, in the words of the settings dialog. */
    public List<String> problems() {
        return problems;
    }
}

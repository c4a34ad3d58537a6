package io.tokenwarden.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Names and closed vocabularies that several endpoints accept the same way. */
public final class Vocabulary {

    /** Use cases, apps and users: lower-case, digits and {@code _ . -}, at most 64 characters. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public static final String NAME_HINT = "must match [a-z0-9][a-z0-9_.-]*, at most 64 characters";
    public static final List<String> LATENCY_CLASSES = List.of("interactive", "background");

    private Vocabulary() {}

    public static Optional<String> latencyClass(String value) {
        return LATENCY_CLASSES.contains(value) ? Optional.of(value) : Optional.empty();
    }
}

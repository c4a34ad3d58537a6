package io.tokenwarden.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Enum constants on the wire: lower case with underscores ({@code MODEL_ROUTING} is {@code model_routing}), in
 * {@link Locale#ROOT}: lower-casing in the default locale turns I into a dotless i under a Turkish locale.
 */
public final class WireNames {

    private WireNames() {}

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wireName) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> of(e).equals(wireName))
                .findFirst();
    }
}

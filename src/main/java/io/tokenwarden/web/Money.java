package io.tokenwarden.web;

import java.math.BigDecimal;

/** Money on the wire: an exact decimal string with at least 12 places, never rounded. */
public final class Money {

    private static final int MIN_SCALE = 12;

    private Money() {}

    public static String format(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        return (amount.scale() < MIN_SCALE ? amount.setScale(MIN_SCALE) : amount).toPlainString();
    }
}

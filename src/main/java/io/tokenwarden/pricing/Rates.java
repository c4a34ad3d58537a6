package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/** The five prices, in dollars per million tokens. */
public record Rates(BigDecimal input, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h,
                   BigDecimal cacheRead, BigDecimal output) {

    public Rates {
        Objects.requireNonNull(input);
        Objects.requireNonNull(cacheWrite5m);
        Objects.requireNonNull(cacheWrite1h);
        Objects.requireNonNull(cacheRead);
        Objects.requireNonNull(output);
    }
}

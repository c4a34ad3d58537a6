package io.tokenwarden.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Quotients are the one place exactness ends: shares and ROI are shown to 6 places, money per unit
 * to 12, rounded half-even. Every comparison that decides something is made before dividing.
 */
final class Ratios {

    private Ratios() {}

    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(6) : part.divide(whole, 6, RoundingMode.HALF_EVEN);
    }

    static BigDecimal money(BigDecimal amount, BigDecimal divisor) {
        return amount.divide(divisor, 12, RoundingMode.HALF_EVEN);
    }
}

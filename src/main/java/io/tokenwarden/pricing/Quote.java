package io.tokenwarden.pricing;

import java.math.BigDecimal;

/**
 * The price of one event. {@code modelId} is null when the model is unknown; {@code cost} and
 * {@code priceVersionId} are null when no price was in force: such an event is unpriced, never $0.
 */
public record Quote(String modelId, Long priceVersionId, BigDecimal cost) {

    public boolean priced() {
        return cost != null;
    }
}

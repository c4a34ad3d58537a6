package io.tokenwarden.pricing;

import java.util.Arrays;
import java.util.Optional;

/** usage.service_tier. Priority has no public price: it is priced at standard. */
public enum ServiceTier {
    STANDARD, PRIORITY, BATCH;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<ServiceTier> fromWire(String value) {
        return Arrays.stream(values()).filter(tier -> tier.wireName().equals(value)).findFirst();
    }
}

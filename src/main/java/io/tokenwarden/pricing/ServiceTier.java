package io.tokenwarden.pricing;

import java.util.Optional;

/**
 * usage.service_tier as the API sent it. Any value is kept: whether it has a price, and how, is catalog data
 * (the service_tiers of the catalog file), so a tier Tokenwarden has not heard of is stored and left unpriced.
 */
public record ServiceTier(String wireName) {

    public static final ServiceTier STANDARD = new ServiceTier("standard");
    public static final ServiceTier PRIORITY = new ServiceTier("priority");
    public static final ServiceTier BATCH = new ServiceTier("batch");

    public ServiceTier {
        if (wireName == null || wireName.isEmpty()) {
            throw new IllegalArgumentException("a service tier needs a name");
        }
    }

    public static Optional<ServiceTier> fromWire(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new ServiceTier(value));
    }

    public boolean isBatch() {
        return equals(BATCH);
    }

    @Override
    public String toString() {
        return wireName;
    }
}

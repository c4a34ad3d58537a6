package io.tokenwarden.pricing;

import java.util.Arrays;
import java.util.Optional;

/** usage.inference_geo: where the request was served; US-only inference may carry a multiplier. */
public enum InferenceGeo {
    GLOBAL, US, NOT_AVAILABLE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Optional<InferenceGeo> fromWire(String value) {
        return Arrays.stream(values()).filter(geo -> geo.wireName().equals(value)).findFirst();
    }
}

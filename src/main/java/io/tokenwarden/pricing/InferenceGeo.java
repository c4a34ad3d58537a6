package io.tokenwarden.pricing;

import io.tokenwarden.web.WireNames;
import java.util.Optional;

/** usage.inference_geo: where the request was served; US-only inference may carry a multiplier. */
public enum InferenceGeo {
    GLOBAL,
    US,
    NOT_AVAILABLE;

    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<InferenceGeo> fromWire(String value) {
        return WireNames.parse(InferenceGeo.class, value);
    }
}

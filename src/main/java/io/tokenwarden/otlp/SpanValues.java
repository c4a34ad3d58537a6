package io.tokenwarden.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of span attributes; producers send counts as ints, doubles or strings. */
final class SpanValues {

    private SpanValues() {}

    static Map<String, AnyValue> attributes(List<KeyValue> list) {
        Map<String, AnyValue> map = new HashMap<>();
        list.forEach(kv -> map.put(kv.getKey(), kv.getValue()));
        return map;
    }

    static Optional<Long> integer(Map<String, AnyValue> a, String key) {
        AnyValue value = a.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.hasIntValue()) {
            return Optional.of(value.getIntValue()).filter(v -> v >= 0);
        }
        if (value.hasDoubleValue()
                && value.getDoubleValue() >= 0
                && value.getDoubleValue() <= 1e12
                && value.getDoubleValue() == Math.rint(value.getDoubleValue())) {
            return Optional.of((long) value.getDoubleValue());
        }
        if (value.hasStringValue() && value.getStringValue().matches("\\d{1,12}")) {
            return Optional.of(Long.parseLong(value.getStringValue()));
        }
        return Optional.empty();
    }

    static Optional<String> text(Map<String, AnyValue> a, String key) {
        AnyValue value = a.get(key);
        return value != null && value.hasStringValue() ? Optional.of(value.getStringValue()) : Optional.empty();
    }
}

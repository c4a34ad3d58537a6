package io.tokenwarden.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Strict, error-collecting reads of one JSON object. Types are never coerced: {@code "12"} is not
 * a count and neither is {@code 12.0}. A JSON null counts as absent. Each failed read adds a
 * {@link FieldError} with the dotted path of the field and returns null.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Reads {@code node}; when it is not an object, records that against {@code path} instead. */
    public static Optional<JsonFields> object(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(path, "must be a JSON object"));
            return Optional.empty();
        }
        return Optional.of(new JsonFields(node, path.isEmpty() ? "" : path + ".", errors));
    }

    /**
     * Rejects each field not in {@code known}: a settings body naming a field that is not a setting (a typo, another
     * resource's body) would otherwise be applied as if that field were absent.
     */
    public void rejectUnknown(java.util.Collection<String> known, String what) {
        node.propertyNames().stream()
                .filter(name -> !known.contains(name))
                .sorted()
                .forEach(name -> reject(name, "is not " + what + " (" + String.join(", ", known) + ")"));
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    /** The full path of one of this object's fields, for errors about what lies inside it. */
    public String path(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String requiredString(String name, int maxLength, Pattern pattern, String patternHint) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return string(name, maxLength, pattern, patternHint);
    }

    public String optionalString(String name, int maxLength) {
        return has(name) ? string(name, maxLength, null, null) : null;
    }

    private String string(String name, int maxLength, Pattern pattern, String patternHint) {
        JsonNode value = node.get(name);
        if (!value.isString()) {
            reject(name, "must be a string");
            return null;
        }
        String text = value.stringValue();
        if (text.isEmpty() || text.length() > maxLength) {
            reject(name, "must be 1 to " + maxLength + " characters");
            return null;
        }
        if (pattern != null && !pattern.matcher(text).matches()) {
            reject(name, patternHint);
            return null;
        }
        return text;
    }

    public Long requiredInteger(String name, long min, long max) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return integer(name, min, max);
    }

    public Long optionalInteger(String name, long min, long max) {
        return has(name) ? integer(name, min, max) : null;
    }

    private Long integer(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber()) {
            reject(name, "must be an integer");
            return null;
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            reject(name, "must be between " + min + " and " + max);
            return null;
        }
        return value.longValue();
    }

    public BigDecimal optionalDecimal(String name, BigDecimal min, BigDecimal max) {
        return has(name) ? decimal(name, min, max) : null;
    }

    public BigDecimal requiredDecimal(String name, BigDecimal min, BigDecimal max) {
        if (!has(name)) {
            reject(name, "is required");
            return null;
        }
        return decimal(name, min, max);
    }

    /** A number, or a string holding an exact decimal (the contract's money format). */
    private BigDecimal decimal(String name, BigDecimal min, BigDecimal max) {
        JsonNode value = node.get(name);
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isString()) {
            number = parseDecimal(value.stringValue());
        }
        if (number == null) {
            reject(name, "must be a decimal number");
            return null;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            reject(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            return null;
        }
        return number;
    }

    private static BigDecimal parseDecimal(String text) {
        if (text.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public OffsetDateTime requiredTimestamp(String name) {
        String text = requiredString(name, 64, null, null);
        if (text == null) {
            return null;
        }
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeException e) {
            reject(name, "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-23T10:15:30Z");
            return null;
        }
    }

    /** An optional string from a closed vocabulary; absent gives {@code fallback}. */
    public <T> T optionalEnum(String name, Function<String, Optional<T>> parse, T fallback, String allowed) {
        if (!has(name)) {
            return fallback;
        }
        String text = string(name, 64, null, null);
        if (text == null) {
            return null;
        }
        Optional<T> value = parse.apply(text);
        if (value.isEmpty()) {
            reject(name, "must be one of " + allowed);
            return null;
        }
        return value.get();
    }

    /** An optional JSON boolean (never a string or a number); absent gives {@code fallback}. */
    public boolean optionalBoolean(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        if (!node.get(name).isBoolean()) {
            reject(name, "must be true or false");
            return fallback;
        }
        return node.get(name).booleanValue();
    }

    public Optional<JsonFields> optionalObject(String name) {
        return has(name) ? object(node.get(name), prefix + name, errors) : Optional.empty();
    }

    /** Element {@code index} of the array field {@code name}, which must be an object. */
    public Optional<JsonFields> optionalElement(String name, int index) {
        return object(node.get(name).get(index), prefix + name + "[" + index + "]", errors);
    }

    public Optional<JsonFields> requiredObject(String name) {
        if (!has(name)) {
            reject(name, "is required");
            return Optional.empty();
        }
        return object(node.get(name), prefix + name, errors);
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }
}

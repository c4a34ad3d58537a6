package io.tokenwarden.pricing;

import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The price rows of one model in a catalog file. A row with {@code until} and no row of the same speed starting
 * the next day ends with a withdrawn version: from then on that speed has no price in force.
 */
final class PriceRowReader {

    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    private static final Pattern SPEED = Pattern.compile("[a-z][a-z0-9_]*");

    private final CatalogFileReader file;
    private final List<FieldError> errors;

    PriceRowReader(CatalogFileReader file, List<FieldError> errors) {
        this.file = file;
        this.errors = errors;
    }

    List<PriceVersion> rows(JsonFields model, String modelId) {
        JsonNode array = model.raw("prices");
        if (array == null || !array.isArray()) {
            model.reject("prices", "must be a list (empty for a model without a published price)");
            return List.of();
        }
        List<PriceVersion> rows = new ArrayList<>();
        List<PriceVersion> ends = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = model.path("prices") + "[" + i + "]";
            JsonFields.object(array.get(i), path, errors).ifPresent(f -> row(f, modelId, rows, ends));
        }
        Set<String> starts = new HashSet<>();
        for (PriceVersion row : rows) {
            if (!starts.add(row.speed() + row.effectiveFrom())) {
                errors.add(new FieldError(
                        model.path("prices"), "two rows of speed " + row.speed() + " start on " + row.effectiveFrom()));
            }
        }
        ends.stream()
                .filter(end -> !starts.contains(end.speed() + end.effectiveFrom()))
                .forEach(rows::add);
        return rows;
    }

    private void row(JsonFields f, String modelId, List<PriceVersion> rows, List<PriceVersion> ends) {
        String speed = Optional.ofNullable(f.optionalString("speed", 32)).orElse(TokenUsage.STANDARD_SPEED);
        if (!SPEED.matcher(speed).matches()) {
            f.reject("speed", "must be a lower-case name such as standard or fast");
        }
        LocalDate from = file.date(f, "from");
        if (from == null && !f.has("from")) {
            f.reject("from", "is required");
        }
        LocalDate until = file.date(f, "until");
        Rates standard = rates(f);
        Long threshold = null;
        Rates longPrompt = null;
        Optional<JsonFields> lp = f.optionalObject("long_prompt");
        if (lp.isPresent()) {
            threshold = lp.get().requiredInteger("above", 1, 1_000_000_000L);
            longPrompt = rates(lp.get());
        }
        BigDecimal batch = Optional.ofNullable(
                        f.optionalDecimal("batch_multiplier", new BigDecimal("0.000001"), BigDecimal.ONE))
                .orElse(new BigDecimal("0.5"));
        BigDecimal webSearch = Optional.ofNullable(
                        f.optionalDecimal("web_search_per_request", BigDecimal.ZERO, MAX_PRICE))
                .orElse(new BigDecimal("0.01"));
        String source = file.source(f);
        if (from == null || standard == null || (lp.isPresent() && (threshold == null || longPrompt == null))) {
            return;
        }
        if (until != null && until.isBefore(from)) {
            f.reject("until", "must not be before from");
            return;
        }
        rows.add(new PriceVersion(
                0,
                modelId,
                speed,
                CatalogFileReader.startOf(from),
                standard,
                threshold,
                longPrompt,
                batch,
                webSearch,
                false,
                source));
        if (until != null) {
            ends.add(new PriceVersion(
                    0,
                    modelId,
                    speed,
                    CatalogFileReader.startOf(until.plusDays(1)),
                    null,
                    null,
                    null,
                    batch,
                    webSearch,
                    true,
                    source));
        }
    }

    private static Rates rates(JsonFields f) {
        BigDecimal input = price(f, "input");
        BigDecimal write5m = price(f, "cache_write_5m");
        BigDecimal write1h = price(f, "cache_write_1h");
        BigDecimal read = price(f, "cache_read");
        BigDecimal output = price(f, "output");
        if (input == null || write5m == null || write1h == null || read == null || output == null) {
            return null;
        }
        return new Rates(input, write5m, write1h, read, output);
    }

    private static BigDecimal price(JsonFields f, String name) {
        return f.requiredDecimal(name, BigDecimal.ZERO, MAX_PRICE);
    }
}

package io.tokenwarden.pricing;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a catalog file (YAML) and checks it as strictly as ingestion checks events: every error is reported
 * at once, by its path in the file ({@code models[3].prices[0].input}), and nothing of a bad file is applied.
 */
final class CatalogFileReader {

    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@:-]*");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Map<String, String> sources = new HashMap<>();
    private final List<FieldError> errors = new ArrayList<>();

    private CatalogFileReader() {}

    static CatalogFile read(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw ApiException.badRequest(List.of(new FieldError("", "a catalog file is at most 1 MiB")));
        }
        JsonNode root;
        try {
            root = YAML.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw ApiException.badRequest(
                    List.of(new FieldError("", "not a YAML document: " + e.getOriginalMessage())));
        }
        return new CatalogFileReader().read(root, sha256(content));
    }

    private CatalogFile read(JsonNode root, String sha) {
        CatalogFile file =
                JsonFields.object(root, "", errors).map(f -> file(f, root, sha)).orElse(null);
        if (!errors.isEmpty() || file == null) {
            throw ApiException.badRequest(errors);
        }
        return file;
    }

    private CatalogFile file(JsonFields f, JsonNode root, String sha) {
        String version = f.requiredString("version", 64, null, null);
        f.requiredObject("sources")
                .ifPresent(s -> root.get("sources").properties().forEach(e -> {
                    if (e.getValue().isString() && !e.getValue().stringValue().isBlank()) {
                        sources.put(e.getKey(), e.getValue().stringValue());
                    } else {
                        s.reject(e.getKey(), "must be a URL or a description of the source");
                    }
                }));
        List<TierRule> tiers = list(root, "service_tiers", this::tierRule);
        List<CatalogFile.FileModel> models = list(root, "models", this::model);
        checkAcrossModels(models);
        return new CatalogFile(version, sha, tiers, models);
    }

    private TierRule tierRule(JsonFields f) {
        String tier = f.requiredString("tier", 64, NAME, "must be a lower-case name");
        String pricedAs = f.optionalEnum(
                "priced_as",
                v -> Optional.of(v).filter(Set.of("standard", "batch")::contains),
                null,
                "standard, batch");
        if (!f.has("priced_as")) {
            f.reject("priced_as", "is required");
        }
        return new TierRule(tier, pricedAs, f.optionalString("note", 500), source(f));
    }

    private CatalogFile.FileModel model(JsonFields f) {
        String id = f.requiredString("id", 128, NAME, "must be a lower-case model id");
        String tier = f.optionalEnum(
                "tier",
                v -> Optional.of(v).filter(CatalogModel.TIERS::contains),
                null,
                "haiku, sonnet, opus, frontier");
        Long minCache = f.requiredInteger("min_cacheable_tokens", 0, 1_000_000);
        BigDecimal geo = f.optionalDecimal("us_only_multiplier", new BigDecimal("0.000001"), BigDecimal.TEN);
        CatalogModel model = new CatalogModel(
                id,
                tier,
                minCache == null ? 0 : minCache.intValue(),
                geo,
                bool(f, "routing_target"),
                date(f, "released"),
                date(f, "deprecated"),
                date(f, "retired"),
                source(f));
        List<String> aliases = strings(f, "aliases");
        List<PriceVersion> prices = new PriceRowReader(this, errors).rows(f, id);
        return new CatalogFile.FileModel(model, aliases, prices);
    }

    /** One routing target per tier; no name used twice, as a model id or an alias. */
    private void checkAcrossModels(List<CatalogFile.FileModel> models) {
        Set<String> names = new HashSet<>();
        Set<String> targetTiers = new HashSet<>();
        for (int i = 0; i < models.size(); i++) {
            CatalogFile.FileModel m = models.get(i);
            for (String name : concat(m.model().id(), m.aliases())) {
                if (name != null && !names.add(name)) {
                    errors.add(new FieldError("models[" + i + "]", name + " names two models"));
                }
            }
            if (m.model().routingTarget()
                    && (m.model().tier() == null || !targetTiers.add(m.model().tier()))) {
                errors.add(new FieldError(
                        "models[" + i + "].routing_target",
                        "one routing target per tier, and only for a model with a tier"));
            }
        }
    }

    private static List<String> concat(String id, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases);
        all.add(id);
        return all;
    }

    private <T> List<T> list(JsonNode root, String name, java.util.function.Function<JsonFields, T> element) {
        JsonNode array = root.get(name);
        if (array == null || !array.isArray()) {
            errors.add(new FieldError(name, "must be a list"));
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonFields.object(array.get(i), name + "[" + i + "]", errors)
                    .map(element)
                    .ifPresent(result::add);
        }
        return result;
    }

    /** The text of a row's source: a key of the file's {@code sources}, or a URL given in place. */
    String source(JsonFields f) {
        String key = f.requiredString("source", 500, null, null);
        if (key == null) {
            return null;
        }
        if (sources.containsKey(key)) {
            return sources.get(key);
        }
        if (key.startsWith("https://") || key.startsWith("http://")) {
            return key;
        }
        f.reject("source", "must be a key of sources or a URL");
        return null;
    }

    LocalDate date(JsonFields f, String name) {
        if (!f.has(name)) {
            return null;
        }
        JsonNode value = f.raw(name);
        try {
            return LocalDate.parse(value.isString() ? value.stringValue() : value.toString());
        } catch (java.time.DateTimeException e) {
            f.reject(name, "must be a date, e.g. 2026-10-07");
            return null;
        }
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean bool(JsonFields f, String name) {
        if (!f.has(name)) {
            return false;
        }
        if (!f.raw(name).isBoolean()) {
            f.reject(name, "must be true or false");
            return false;
        }
        return f.raw(name).booleanValue();
    }

    private static List<String> strings(JsonFields f, String name) {
        if (!f.has(name)) {
            return List.of();
        }
        JsonNode array = f.raw(name);
        List<String> result = new ArrayList<>();
        if (!array.isArray()) {
            f.reject(name, "must be a list of names");
            return result;
        }
        for (JsonNode item : array) {
            if (!item.isString()
                    || !NAME.matcher(item.stringValue()).matches()
                    || item.stringValue().length() > 128) {
                f.reject(name, "must be a list of lower-case model names");
            } else {
                result.add(item.stringValue());
            }
        }
        return result;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

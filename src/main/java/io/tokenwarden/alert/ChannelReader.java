package io.tokenwarden.alert;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import io.tokenwarden.web.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads {@code POST /api/v1/alert-channels}; every field error is reported at once. */
final class ChannelReader {

    private static final Set<String> KINDS = Set.of("webhook", "slack", "email");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ChannelReader() {}

    static Channel read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Channel channel =
                JsonFields.object(body, "", errors).map(ChannelReader::read).orElse(null);
        if (!errors.isEmpty() || channel == null) {
            throw ApiException.badRequest(errors);
        }
        return channel;
    }

    private static Channel read(JsonFields f) {
        String name = f.requiredString("name", 64, Vocabulary.NAME, Vocabulary.NAME_HINT);
        String kind =
                f.optionalEnum("kind", v -> Optional.of(v).filter(KINDS::contains), null, "webhook, slack, email");
        if (!f.has("kind")) {
            f.reject("kind", "is required");
        }
        String target = f.requiredString("target", 2000, null, null);
        if (target != null && kind != null) {
            boolean email = kind.equals("email");
            if (!(email ? EMAIL : URL).matcher(target).matches()) {
                f.reject("target", email ? "must be an e-mail address" : "must be an http(s) URL");
            }
        }
        String secret = f.optionalString("secret", 256);
        if (secret != null && !"webhook".equals(kind)) {
            f.reject("secret", "is for webhook channels only");
        }
        List<String> useCases = names(f, "use_cases");
        List<String> teams = names(f, "teams");
        if (name == null || kind == null || target == null) {
            return null;
        }
        return new Channel(name, kind, target, secret, useCases, teams);
    }

    private static List<String> names(JsonFields f, String field) {
        if (!f.has(field)) {
            return null;
        }
        JsonNode array = f.raw(field);
        List<String> names = new ArrayList<>();
        if (!array.isArray() || array.size() > 500) {
            f.reject(field, "must be a list of at most 500 names");
            return null;
        }
        for (JsonNode item : array) {
            if (!item.isString()
                    || item.stringValue().isEmpty()
                    || item.stringValue().length() > 64) {
                f.reject(field, "must be a list of names of 1 to 64 characters");
                return null;
            }
            names.add(item.stringValue());
        }
        return names;
    }
}

package io.tokenwarden.pricing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the provider spellings of a model id into Anthropic's: Bedrock's
 * {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0} and Vertex's {@code claude-sonnet-4-5@20250929}
 * both become {@code claude-sonnet-4-5-20250929}.
 */
final class ModelNames {

    private static final Pattern BEDROCK_PREFIX = Pattern.compile("^([a-z]{2,6}\\.)?anthropic\\.");
    private static final Pattern BEDROCK_VERSION = Pattern.compile("-v\\d+(:\\d+)?$");

    private ModelNames() {}

    static String normalize(String raw) {
        String name = raw.trim().toLowerCase(Locale.ROOT);
        name = BEDROCK_PREFIX.matcher(name).replaceFirst("");
        name = BEDROCK_VERSION.matcher(name).replaceFirst("");
        return name.replace('@', '-');
    }
}

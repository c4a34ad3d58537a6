package io.tokenwarden.security;

/** The app an API key belongs to; the only source of an event's app. */
public record AppPrincipal(long appId, String appName, String keyId) {}

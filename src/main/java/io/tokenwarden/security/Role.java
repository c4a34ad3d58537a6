package io.tokenwarden.security;

/** What a person may open: ADMIN everything, FINANCE reports and exports, ENGINEER reports and features. */
public enum Role {
    ADMIN,
    FINANCE,
    ENGINEER
}

package io.tokenwarden.web;

/** One reason a field was refused; {@code field} is a dotted path such as {@code usage.input_tokens}. */
public record FieldError(String field, String message) {}

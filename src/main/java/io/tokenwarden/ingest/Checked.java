package io.tokenwarden.ingest;

import io.tokenwarden.web.FieldError;
import java.util.List;

/** The outcome of validating one item: a value, or the reasons it was refused (and its id if readable). */
record Checked<T>(T value, String id, List<FieldError> errors) {

    static <T> Checked<T> valid(T value, String id) {
        return new Checked<>(value, id, List.of());
    }

    static <T> Checked<T> invalid(String id, List<FieldError> errors) {
        return new Checked<>(null, id, List.copyOf(errors));
    }

    boolean isValid() {
        return value != null;
    }
}

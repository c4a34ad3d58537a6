package io.tokenwarden.analytics;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.util.List;
import java.util.Map;

/** The group_by values of the spend report and the rollup column each groups by. */
record SpendGrouping(String name, String expression, String tagKey) {

    private static final Map<String, String> COLUMNS = Map.of(
            "use_case", "r.use_case",
            "model", "r.model_key",
            "app", "a.name",
            "day", "to_char(r.day, 'YYYY-MM-DD')");

    static SpendGrouping parse(String groupBy) {
        if (COLUMNS.containsKey(groupBy)) {
            return new SpendGrouping(groupBy, COLUMNS.get(groupBy), null);
        }
        String tag = groupBy.startsWith("tag:") ? groupBy.substring(4) : "";
        if (!tag.isEmpty() && tag.length() <= 64) {
            return new SpendGrouping(groupBy, null, tag);
        }
        throw ApiException.badRequest(
                List.of(new FieldError("group_by", "must be one of use_case, model, app, day, tag:<key>")));
    }
}

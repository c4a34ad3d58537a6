package io.tokenwarden.alert;

import java.util.List;
import org.springframework.stereotype.Service;

/** The alert module's entry point for pages: the alerts open now. */
@Service
public class Alerts {

    private final AlertStore store;

    Alerts(AlertStore store) {
        this.store = store;
    }

    public List<AlertView> open() {
        return store.list("open");
    }
}

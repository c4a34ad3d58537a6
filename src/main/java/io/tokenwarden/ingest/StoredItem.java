package io.tokenwarden.ingest;

import java.math.BigDecimal;

/** What the database holds for one id after a write: new or already there, and its cost. */
record StoredItem(boolean inserted, BigDecimal cost, String unpricedReason) {}

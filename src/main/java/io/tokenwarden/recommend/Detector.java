package io.tokenwarden.recommend;

import java.util.Optional;

/** One recommendation kind; DESIGN.md section 4 gives each one's arithmetic. */
interface Detector {

    Kind kind();

    /** A finding when the condition holds and the monthly saving is worth saying; the caller applies the minimum. */
    Optional<Finding> detect(UseCaseWindow window);
}

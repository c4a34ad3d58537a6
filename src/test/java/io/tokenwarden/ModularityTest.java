package io.tokenwarden;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature package is a module: no cycles between them, and only each other's public types in use. */
class ModularityTest {

    @Test
    void featurePackagesFormAnAcyclicModuleGraph() {
        ApplicationModules.of(TokenwardenApplication.class).verify();
    }
}

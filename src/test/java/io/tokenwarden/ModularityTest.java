package io.tokenwarden;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is a module that declares, in its package-info.java, the modules it may depend on: no cycles,
 * only each other's public types, and no dependency a module did not declare.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TokenwardenApplication.class);

    @Test
    void everyModuleDependsOnlyOnWhatItDeclares() {
        MODULES.verify();
    }

    /** The module diagram (PlantUML, C4 style) and one canvas per module, into target/spring-modulith-docs. */
    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}

package io.tokenwarden;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.harness.AppProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked by reading it: both services have
 * health checks, and every variable it gives the app is one the app reads.
 */
class DeploymentFilesTest {

    /** Variables Spring Boot binds by itself (relaxed binding of spring.datasource.*). */
    private static final Set<String> BOUND_BY_BOOT =
            Set.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");

    /** The benchmarks measure the app with the JVM flags it is deployed with, in Docker and by spring-boot:run. */
    @Test
    void theDockerfileSpringBootRunAndTheBenchmarksStartTheSameJvm() throws IOException {
        String entrypoint = Files.readAllLines(Path.of("Dockerfile")).stream()
                .filter(line -> line.startsWith("ENTRYPOINT"))
                .findFirst()
                .orElseThrow();
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom)
                .contains("<jvmArguments>" + String.join(" ", AppProcess.DEPLOYED_JVM_FLAGS) + "</jvmArguments>");
        assertThat(entrypoint)
                .isEqualTo("ENTRYPOINT [\"java\", "
                        + AppProcess.DEPLOYED_JVM_FLAGS.stream()
                                .map(f -> "\"" + f + "\", ")
                                .reduce("", String::concat)
                        + "\"-jar\", \"/app/tokenwarden.jar\"]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeGivesTheAppOnlyVariablesItReadsAndChecksBothServicesHealth() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));

        assertThat(services).containsKeys("postgres", "app");
        services.forEach((name, service) ->
                assertThat(service).as(name + " health check").containsKey("healthcheck"));
        Map<String, Object> appEnvironment =
                (Map<String, Object>) services.get("app").get("environment");
        assertThat(appEnvironment).containsKeys(BOUND_BY_BOOT.toArray(String[]::new));
        for (String variable : appEnvironment.keySet()) {
            assertThat(BOUND_BY_BOOT.contains(variable) || properties.contains("${" + variable + ":"))
                    .as(variable + " is read by application.properties")
                    .isTrue();
        }
        Map<String, Object> postgres =
                (Map<String, Object>) services.get("postgres").get("environment");
        assertThat(String.valueOf(appEnvironment.get("SPRING_DATASOURCE_URL")))
                .endsWith("/" + postgres.get("POSTGRES_DB"));
        assertThat(appEnvironment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat((List<String>) ((Map<String, Object>) services.get("app").get("healthcheck")).get("test"))
                .anySatisfy(part -> assertThat(part).contains("/actuator/health/readiness"));
    }
}

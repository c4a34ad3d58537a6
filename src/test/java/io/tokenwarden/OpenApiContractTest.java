package io.tokenwarden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against the contract other teams code to (docs/API.md, the repository's copy of the shared
 * contract; under CI it must equal ../shared/API.md, so the two never drift): every endpoint
 * API.md names is in the spec with its method, every field name it names is a property of a spec
 * schema, and the spec's ingestion example is the README's.
 */
@IntegrationTest
class OpenApiContractTest {

    private static final Path API_MD = Path.of("docs", "API.md");
    private static final Path SHARED_API_MD = Path.of("..", "shared", "API.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Test
    void everyEndpointAndFieldOfTheContractIsInTheSpec() throws IOException {
        String contract = contract();
        JsonNode spec = spec();

        Matcher endpoints =
                Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`\\s?]+)").matcher(contract);
        int checked = 0;
        while (endpoints.find()) {
            JsonNode path = spec.path("paths").path(endpoints.group(2));
            assertThat(path.has(endpoints.group(1).toLowerCase()))
                    .as(endpoints.group(0) + "`")
                    .isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);

        Set<String> properties = new HashSet<>();
        spec.path("components")
                .path("schemas")
                .forEach(schema -> properties.addAll(schema.path("properties").propertyNames()));
        assertThat(properties).containsAll(contractFieldNames(contract));
    }

    @Test
    void theSpecsIngestionExampleIsTheReadmes() throws IOException {
        JsonNode example = spec().path("paths")
                .path("/api/v1/events")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("readme")
                .path("value");
        String readme = Files.readString(Path.of("README.md"));
        Matcher body =
                Pattern.compile("/api/v1/events -d '(\\{.*?})'", Pattern.DOTALL).matcher(readme);
        assertThat(body.find()).as("the README's first curl to /api/v1/events").isTrue();

        JsonNode specExample = example.isString() ? JSON.readTree(example.stringValue()) : example;
        assertThat(specExample).isEqualTo(JSON.readTree(body.group(1)));
    }

    /** snake_case names in API.md's JSON examples and in its `{ a, b, c }` field lists. */
    private static Set<String> contractFieldNames(String contract) {
        Set<String> names = new HashSet<>();
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(contract);
        while (json.find()) {
            collectKeys(JSON.readTree(json.group(1)), names);
        }
        Matcher lists = Pattern.compile("`\\{ ([a-z_, .:\\[\\]{}]+) }`").matcher(contract);
        while (lists.find()) {
            Matcher name = Pattern.compile("([a-z][a-z0-9_]*)(?=[,: }\\]]|$)").matcher(lists.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        names.removeAll(List.of("evidence", "assumptions")); // free-form maps by design
        return names;
    }

    private static void collectKeys(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                names.add(e.getKey());
                if (!e.getKey().equals("tags")) { // tag keys are the app's own
                    collectKeys(e.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectKeys(child, names));
        }
    }

    private JsonNode spec() {
        Api.Response response =
                api.send(HttpRequest.newBuilder(api.uri("/v3/api-docs")).GET());
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static String contract() throws IOException {
        return Files.readString(API_MD);
    }

    /** The repository's copy is the shared contract, to the byte; checked whenever the shared one is beside us. */
    @Test
    void theRepositorysCopyOfTheContractIsTheSharedOne() throws IOException {
        if (!Files.exists(SHARED_API_MD)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("../shared/API.md is missing under CI=true");
            }
            Assumptions.abort("NOTICE: ../shared/API.md not found beside the repository; docs/API.md not compared");
        }
        assertThat(Files.readString(API_MD))
                .as("docs/API.md against ../shared/API.md: copy the shared contract again")
                .isEqualTo(Files.readString(SHARED_API_MD));
    }
}

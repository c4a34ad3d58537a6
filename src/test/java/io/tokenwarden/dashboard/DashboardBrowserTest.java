package io.tokenwarden.dashboard;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.recommend.RecommendationAnalysis;
import io.tokenwarden.security.Role;
import io.tokenwarden.security.UserAccounts;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/** Every page in real headless Chromium, as each role, with the numbers checked against the API. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    @Autowired
    Api api;

    @Autowired
    UserAccounts users;

    @Autowired
    RollupJob rollupJob;

    @Autowired
    RecommendationAnalysis analysis;

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Browser browser;
    String finance = "fin-" + UUID.randomUUID().toString().substring(0, 6);
    String engineer = "eng-" + UUID.randomUUID().toString().substring(0, 6);
    String useCase = "browser-triage-" + UUID.randomUUID().toString().substring(0, 6);
    String pilotUseCase = "browser-pilot-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void setUp() throws Exception {
        browser = Browser.open(Integer.parseInt(environment.getProperty("local.server.port")));
        users.create(finance, "finance-pw", Role.FINANCE, "test");
        users.create(engineer, "engineer-pw", Role.ENGINEER, "test");
        List<Events> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // classification on Opus 4.6: routing and migration recommendations
            events.add(event("b" + i)
                    .with("use_case", useCase)
                    .with("model", "claude-opus-4-6")
                    .with("task_type", "classification")
                    .with("latency_class", "interactive")
                    .usage("input_tokens", 20_000)
                    .usage("output_tokens", 1_000)
                    .with(
                            "occurred_at",
                            Instant.now().minus(i + 1, ChronoUnit.HOURS).toString()));
            events.add(event("p" + i)
                    .with("use_case", pilotUseCase)
                    .with("model", "claude-opus-4-6")
                    .with("task_type", "classification")
                    .usage("input_tokens", 20_000)
                    .usage("output_tokens", 1_000)
                    .with(
                            "occurred_at",
                            Instant.now().minus(i + 1, ChronoUnit.HOURS).toString()));
        }
        api.ingestAll(api.newApp().apiKey(), events);
        rollupJob.catchUp(Duration.ofSeconds(30));
        analysis.refresh();
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void financeSeesTheMonthWithChartsMatchingTheApi() throws Exception {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        browser.login(finance, "finance-pw");
        MonthFromApi before;
        MonthFromApi after = MonthFromApi.read(api, month);
        int attempts = 0;
        do { // the scheduled rollup may absorb other tests' events while the page loads: then look again
            before = after;
            browser.go("/dashboard?month=" + month);
            browser.awaitCharts();
            after = MonthFromApi.read(api, month);
        } while (!after.equals(before) && ++attempts < 5);
        JsonNode pareto = after.pareto();
        JsonNode spend = after.spend();
        JsonNode byModel = after.byModel();

        assertThat(browser.points("chart-daily")).isEqualTo(month.lengthOfMonth());
        assertThat(browser.all("#table-daily tbody tr")).hasSize(month.lengthOfMonth());
        assertThat(browser.series("chart-daily"))
                .isEqualTo(Math.min(5, pareto.get("rows").size()) + 1); // top 5 + other
        assertThat(browser.points("chart-pareto")).isEqualTo(pareto.get("rows").size());
        assertThat(browser.points("chart-models")).isEqualTo(byModel.get("rows").size());
        assertThat(values("#table-pareto td[data-value]"))
                .isEqualTo(pareto.get("rows")
                        .valueStream()
                        .map(r -> r.get("cost_usd").stringValue())
                        .toList());
        assertThat(new BigDecimal(browser.find("#spend").getAttribute("data-value")))
                .isEqualByComparingTo(spend.get("total_cost_usd").stringValue());
        assertThat(browser.find("#pareto-headline").getText())
                .isEqualTo(pareto.get("headline").stringValue());
        assertThat(browser.all("#nav-admin-apps"))
                .as("finance sees no admin link")
                .isEmpty();
        assertThat(browser.all("#csv-download")).hasSize(1);
        browser.assertNoConsoleErrors();
        browser.screenshot("dashboard");
    }

    @Test
    void financeCannotOpenAdminPages() throws Exception {
        browser.login(finance, "finance-pw");
        for (String page : List.of(
                "/admin/apps", "/admin/prices", "/admin/use-cases", "/admin/alerts", "/admin/users", "/admin/audit")) {
            browser.go(page);
            assertThat(browser.find("#error-title").getText()).isEqualTo("You may not open this page");
            assertThat(browser.driver.getPageSource())
                    .doesNotContain("Exception")
                    .doesNotContain("at io.tokenwarden");
        }
        browser.screenshot("forbidden");
    }

    @Test
    void anEngineerAcceptsThenImplementsARecommendation() throws Exception {
        browser.login(engineer, "engineer-pw").go("/features/" + useCase);
        browser.awaitCharts();
        JsonNode data =
                api.getAsAdmin("/api/v1/recommendations?use_case=" + useCase).json();
        // Opus 4.6 is dearer than Opus 5.5 (migration) and above the task's tier (routing): both, the larger counting
        assertThat(data.valueStream().map(r -> r.get("kind").stringValue()))
                .containsExactlyInAnyOrder("model_routing", "model_migration");
        assertThat(browser.all("#recommendations .overlap")).hasSize(1);
        JsonNode routing = data.valueStream()
                .filter(r -> r.get("kind").stringValue().equals("model_routing"))
                .findFirst()
                .orElseThrow();
        String card = "#rec-" + routing.get("id").longValue();
        assertThat(browser.find(card + " .estimate").getAttribute("data-value"))
                .isEqualTo(routing.get("estimated_monthly_savings_usd").stringValue());
        assertThat(browser.points("chart-models"))
                .isEqualTo(browser.all("#table-models tr").size());
        assertThat(browser.points("chart-tokens")).isEqualTo(4);
        assertThat(browser.points("chart-spend"))
                .isEqualTo(browser.all("#table-days tbody tr").size())
                .isPositive();
        browser.screenshot("feature");

        browser.find(card + " button.accept").click();
        browser.awaitAttribute(card, "data-status", "accepted");
        browser.find(card + " button.implemented").click();
        browser.awaitAttribute(card, "data-status", "implemented");

        assertThat(browser.find(card + " .measurement").getText()).contains("quality unknown");
        assertThat(api.getAsAdmin("/api/v1/recommendations?use_case=" + useCase + "&kind=model_routing")
                        .json()
                        .get(0)
                        .get("status")
                        .stringValue())
                .isEqualTo("implemented");
        browser.assertNoConsoleErrors();
    }

    @Test
    void anEngineerPilotsARoutingRecommendationWidensItAndStopsIt() throws Exception {
        long id = api.getAsAdmin("/api/v1/recommendations?kind=model_routing&use_case=" + pilotUseCase)
                .json()
                .get(0)
                .get("id")
                .longValue();
        String card = "#rec-" + id;
        browser.login(engineer, "engineer-pw").go("/features/" + pilotUseCase);

        browser.find(card + " button.pilot-start").click();
        browser.awaitAttribute("#pilot-" + id, "data-percent", "10");
        assertThat(browser.find(card).getDomAttribute("data-status")).isEqualTo("accepted");
        assertThat(browser.all("#pilot-" + id + " table.arms tbody tr")).hasSize(2);
        assertThat(browser.find("#pilot-" + id + " .verdict").getText()).isEqualTo("unknown");
        browser.screenshot("pilot");

        browser.find("#pilot-" + id + " button.widen-50").click();
        browser.awaitAttribute("#pilot-" + id, "data-percent", "50");
        browser.find("#pilot-" + id + " button.stop").click();
        browser.awaitAttribute("#pilot-" + id, "data-percent", "0");

        JsonNode pilot = api.getAsAdmin("/api/v1/recommendations?kind=model_routing&use_case=" + pilotUseCase)
                .json()
                .get(0)
                .get("pilot");
        assertThat(pilot.get("share").decimalValue()).isZero();
        assertThat(pilot.get("target_model").stringValue()).isEqualTo("claude-haiku-5-5");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE actor = ? AND subject LIKE ? ORDER BY id")
                        .params(engineer, "recommendation " + id + " %")
                        .query(String.class)
                        .list())
                .containsExactly("pilot.start", "pilot.share", "pilot.stop");
        browser.assertNoConsoleErrors();
    }

    @Test
    void anAdminPreviewsThenAppliesACatalogFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("catalog", ".yaml");
        java.nio.file.Files.writeString(file, """
                version: "browser-1"
                sources: {sheet: https://example.com/prices}
                service_tiers:
                  - {tier: standard, priced_as: standard, source: https://platform.claude.com/docs/en/about-claude/pricing}
                  - {tier: batch, priced_as: batch, source: https://platform.claude.com/docs/en/about-claude/pricing}
                  - {tier: priority, priced_as: standard, note: "Priority Tier has no public price: priced at standard as an estimate", source: https://platform.claude.com/docs/en/api/service-tiers}
                models:
                  - id: claude-browser-upload
                    tier: sonnet
                    min_cacheable_tokens: 1024
                    source: sheet
                    prices:
                      - {from: 2026-01-01, input: 1, cache_write_5m: 1.25, cache_write_1h: 2, cache_read: 0.1, output: 5, source: sheet}
                """);
        browser.login("admin", Api.ADMIN_PASSWORD).go("/admin/prices");
        browser.find("#catalog-file").sendKeys(file.toAbsolutePath().toString());
        browser.find("#preview-catalog").click();
        assertThat(browser.find("#catalog-preview .models-added").getText()).isEqualTo("claude-browser-upload");
        assertThat(browser.find("#catalog-preview .versions-added").getText()).isEqualTo("1");
        assertThat(api.getAsAdmin("/api/v1/prices").body())
                .as("a preview applies nothing")
                .doesNotContain("claude-browser-upload");
        browser.screenshot("catalog-preview");

        browser.find("#apply-catalog").click();
        assertThat(browser.find("#flash-message").getText())
                .startsWith("Catalog browser-1 applied: 1 price versions added");
        assertThat(browser.all("#table-prices td").stream().map(e -> e.getText()))
                .contains("claude-browser-upload");
        browser.assertNoConsoleErrors();
        java.nio.file.Files.delete(file);
    }

    @Test
    void anAdminOpensEveryPageAndCreatesAnAppWhoseKeyIsShownOnce() throws Exception {
        browser.login("admin", Api.ADMIN_PASSWORD);
        for (String page : List.of(
                "/dashboard",
                "/features",
                "/features/" + useCase,
                "/recommendations",
                "/admin/apps",
                "/admin/prices",
                "/admin/use-cases",
                "/admin/alerts",
                "/admin/users",
                "/admin/audit")) {
            browser.go(page);
            browser.awaitCharts();
            assertThat(browser.all("h1")).as(page).isNotEmpty();
            browser.assertNoConsoleErrors();
            browser.screenshot(page.substring(1).replace('/', '-').replace(useCase, "use-case"));
        }
        browser.go("/admin/apps");
        browser.find("#new-app-name")
                .sendKeys("browser-" + UUID.randomUUID().toString().substring(0, 6));
        browser.find("#create-app").click();
        browser.awaitAttribute("#issued-key", "class", "card");
        String key = browser.find("#new-api-key").getText();
        assertThat(key).startsWith("tw_");
        assertThat(api.postEvents(key, api.toJson(event("from-browser-key").toMap()))
                        .status())
                .isEqualTo(200);
        browser.go("/admin/apps");
        assertThat(browser.all("#new-api-key")).as("shown once").isEmpty();
    }

    @Test
    void aWrongPasswordIsRefused() {
        browser.login(finance, "not-the-password");
        assertThat(browser.find("#login-error").getText()).isEqualTo("Wrong user name or password.");
    }

    private record MonthFromApi(JsonNode pareto, JsonNode spend, JsonNode byModel) {
        static MonthFromApi read(Api api, YearMonth month) {
            String range = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
            return new MonthFromApi(
                    api.getAsAdmin("/api/v1/reports/pareto?month=" + month).json(),
                    api.getAsAdmin("/api/v1/reports/spend?" + range).json(),
                    api.getAsAdmin("/api/v1/reports/spend?group_by=model&" + range)
                            .json());
        }
    }

    private List<String> values(String selector) {
        return browser.all(selector).stream()
                .map((WebElement e) -> e.getAttribute("data-value"))
                .toList();
    }
}

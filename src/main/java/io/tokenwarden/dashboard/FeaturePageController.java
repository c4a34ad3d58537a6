package io.tokenwarden.dashboard;

import io.tokenwarden.analytics.FeatureStats;
import io.tokenwarden.analytics.Reports;
import io.tokenwarden.analytics.SpendRow;
import io.tokenwarden.analytics.UseCaseModelCost;
import io.tokenwarden.recommend.Pilots;
import io.tokenwarden.recommend.RecommendationView;
import io.tokenwarden.recommend.Recommendations;
import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import io.tokenwarden.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Engineers' view: every use case, and a page per use case with its figures and recommendations. */
@Controller
class FeaturePageController {

    static final int DAYS = 30;

    private final Reports reports;
    private final Recommendations recommendations;
    private final Pilots pilots;
    private final UseCases useCases;

    private final io.tokenwarden.usecase.UseCaseScopes scopes;

    FeaturePageController(
            Reports reports,
            Recommendations recommendations,
            Pilots pilots,
            UseCases useCases,
            io.tokenwarden.usecase.UseCaseScopes scopes) {
        this.scopes = scopes;
        this.pilots = pilots;
        this.reports = reports;
        this.recommendations = recommendations;
        this.useCases = useCases;
    }

    @GetMapping("/features")
    String features(Model model, org.springframework.security.core.Authentication caller) {
        YearMonth month = YearMonth.from(reports.today());
        Map<String, BigDecimal> spend = costs(reports.spend(month, "use_case").rows());
        Map<String, BigDecimal> previous =
                costs(FinanceView.previousSpend(reports, month, "use_case").rows());
        Map<String, List<UseCaseModelCost>> mix =
                reports.modelMix(month).stream().collect(Collectors.groupingBy(UseCaseModelCost::useCase));
        Map<String, BigDecimal> savings = Recommendations.countedByUseCase(recommendations.list(null, null, "open"));
        List<FeatureRow> rows = scopes.of(caller).filter(useCases.all(), UseCaseSettings::useCase).stream()
                .map(s -> row(s, spend, previous, mix.getOrDefault(s.useCase(), List.of()), savings))
                .sorted((a, b) -> b.spend().compareTo(a.spend()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("month", month);
        return "features";
    }

    @GetMapping("/features/{useCase}")
    String feature(@PathVariable String useCase, Model model, org.springframework.security.core.Authentication caller) {
        UseCaseSettings settings = UseCases.of(useCases.byName(), useCase);
        if (useCases.byName().get(useCase) == null || !scopes.of(caller).sees(useCase)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate today = reports.today();
        model.addAttribute("settings", settings);
        model.addAttribute("stats", reports.feature(useCase, today.minusDays(DAYS - 1), today));
        model.addAttribute(
                "unitCost",
                reports.unitCosts(YearMonth.from(today)).stream()
                        .filter(u -> u.useCase().equals(useCase))
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "recommendations",
                recommendations.list(useCase, null, null).stream()
                        .filter(r -> !r.status().equals("resolved"))
                        .toList());
        return "feature";
    }

    @GetMapping("/features/{useCase}/data")
    @ResponseBody
    Map<String, ChartData> data(@PathVariable String useCase, org.springframework.security.core.Authentication caller) {
        if (!scopes.of(caller).sees(useCase)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        LocalDate today = reports.today();
        FeatureStats stats = reports.feature(useCase, today.minusDays(DAYS - 1), today);
        List<String> days = stats.days().stream().map(FeatureStats.Day::day).toList();
        FeatureStats.Tokens t = stats.tokens();
        return Map.of(
                "spend",
                        new ChartData(
                                days,
                                List.of(new ChartData.Series(
                                        "cost",
                                        stats.days().stream()
                                                .map(d -> d.costUsd())
                                                .toList()))),
                "requests",
                        new ChartData(
                                days,
                                List.of(new ChartData.Series(
                                        "requests",
                                        stats.days().stream()
                                                .map(d -> BigDecimal.valueOf(d.requests()))
                                                .toList()))),
                "models",
                        new ChartData(
                                stats.models().stream()
                                        .map(FeatureStats.ModelShare::model)
                                        .toList(),
                                List.of(new ChartData.Series(
                                        "cost",
                                        stats.models().stream()
                                                .map(m -> m.costUsd())
                                                .toList()))),
                "tokens",
                        new ChartData(
                                List.of("uncached input", "cache writes", "cache reads", "output"),
                                List.of(new ChartData.Series(
                                        "tokens",
                                        List.of(
                                                BigDecimal.valueOf(t.input()),
                                                BigDecimal.valueOf(t.cacheWrites()),
                                                BigDecimal.valueOf(t.cacheReads()),
                                                BigDecimal.valueOf(t.output()))))));
    }

    /** Starts, widens or stops a pilot (audited by {@link Pilots}). */
    @PostMapping("/features/{useCase}/recommendations/{id}/pilot")
    String pilot(
            @PathVariable String useCase,
            @PathVariable long id,
            @RequestParam String percent,
            org.springframework.security.core.Authentication user,
            RedirectAttributes redirect) {
        if (!scopes.of(user).sees(useCase)
                || !recommendations.useCaseOf(id).orElse("").equals(useCase)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            BigDecimal share = new BigDecimal(percent).movePointLeft(2);
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            RecommendationView updated = pilots.setShare(id, share, user.getName());
            redirect.addFlashAttribute(
                    "message",
                    share.signum() == 0
                            ? "'" + updated.title() + "': pilot stopped."
                            : "'" + updated.title() + "': pilot on " + percent + "% of eligible gateway calls.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.summary());
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "percent must be a number from 0 to 100");
        }
        return "redirect:/features/" + useCase;
    }

    @PostMapping("/features/{useCase}/recommendations/{id}/status")
    String setStatus(
            @PathVariable String useCase,
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect,
            org.springframework.security.core.Authentication caller) {
        if (!scopes.of(caller).sees(useCase)
                || !recommendations.useCaseOf(id).orElse("").equals(useCase)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            RecommendationView updated = recommendations.setStatus(id, status, note);
            redirect.addFlashAttribute("message", "'" + updated.title() + "' is now " + updated.status() + ".");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.summary());
        }
        return "redirect:/features/" + useCase;
    }

    private static FeatureRow row(
            UseCaseSettings s,
            Map<String, BigDecimal> spend,
            Map<String, BigDecimal> previous,
            List<UseCaseModelCost> mix,
            Map<String, BigDecimal> savings) {
        BigDecimal now = spend.getOrDefault(s.useCase(), BigDecimal.ZERO);
        BigDecimal before = previous.getOrDefault(s.useCase(), BigDecimal.ZERO);
        BigDecimal trend = before.signum() == 0
                ? null
                : now.subtract(before).movePointRight(2).divide(before, 1, RoundingMode.HALF_EVEN);
        String topModel = mix.isEmpty() ? null : mix.get(0).model();
        BigDecimal share =
                mix.isEmpty() || now.signum() == 0 ? null : mix.get(0).cost().divide(now, 3, RoundingMode.HALF_EVEN);
        return new FeatureRow(
                s.useCase(),
                s.displayName(),
                s.ownerTeam(),
                now,
                before,
                trend,
                topModel,
                share,
                savings.getOrDefault(s.useCase(), BigDecimal.ZERO));
    }

    private static Map<String, BigDecimal> costs(List<SpendRow> rows) {
        return rows.stream().collect(Collectors.toMap(SpendRow::key, r -> r.costUsd()));
    }
}

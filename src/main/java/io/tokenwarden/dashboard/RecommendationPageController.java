package io.tokenwarden.dashboard;

import io.tokenwarden.recommend.RecommendationView;
import io.tokenwarden.recommend.Recommendations;
import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every open recommendation, largest saving first, filtered by kind and by the owning team. */
@Controller
class RecommendationPageController {

    private final Recommendations recommendations;
    private final UseCases useCases;

    private final io.tokenwarden.usecase.UseCaseScopes scopes;

    RecommendationPageController(
            Recommendations recommendations, UseCases useCases, io.tokenwarden.usecase.UseCaseScopes scopes) {
        this.scopes = scopes;
        this.recommendations = recommendations;
        this.useCases = useCases;
    }

    @GetMapping("/recommendations")
    String list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String team,
            Model model,
            org.springframework.security.core.Authentication caller) {
        Map<String, UseCaseSettings> settings = useCases.byName();
        List<RecommendationView> open =
                scopes.of(caller).filter(recommendations.list(null, null, "open"), RecommendationView::useCase).stream()
                        .filter(r -> kind == null || kind.isBlank() || r.kind().equals(kind))
                        .filter(r -> team == null
                                || team.isBlank()
                                || team.equals(
                                        UseCases.of(settings, r.useCase()).ownerTeam()))
                        .toList();
        model.addAttribute("recommendations", open);
        model.addAttribute(
                "teams",
                settings.values().stream()
                        .map(UseCaseSettings::ownerTeam)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute(
                "kinds",
                List.of(
                        "prompt_caching",
                        "cache_busting",
                        "model_routing",
                        "batch_api",
                        "conversation_summarization",
                        "document_prefilter"));
        model.addAttribute("kind", kind);
        model.addAttribute("team", team);
        return "recommendations";
    }
}

package io.tokenwarden.recommend;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class RecommendationJob {

    private final RecommendationAnalysis analysis;

    RecommendationJob(RecommendationAnalysis analysis) {
        this.analysis = analysis;
    }

    @Scheduled(cron = "${tokenwarden.recommendations.cron:0 5 * * * *}")
    @SchedulerLock(name = "recommendations", lockAtMostFor = "PT50M")
    void hourly() {
        analysis.refresh();
    }
}

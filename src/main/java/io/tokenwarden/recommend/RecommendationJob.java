package io.tokenwarden.recommend;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class RecommendationJob {

    private final RecommendationAnalysis analysis;
    private final io.tokenwarden.ops.JobTimer timer;

    RecommendationJob(RecommendationAnalysis analysis, io.tokenwarden.ops.JobTimer timer) {
        this.analysis = analysis;
        this.timer = timer;
    }

    @Scheduled(cron = "${tokenwarden.recommendations.cron:0 5 * * * *}")
    @SchedulerLock(name = "recommendations", lockAtMostFor = "PT50M")
    void hourly() {
        timer.time("recommendations", analysis::refresh);
    }
}

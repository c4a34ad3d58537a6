package io.tokenwarden.recommend;

import static io.tokenwarden.recommend.UseCaseWindow.map;

import io.tokenwarden.pricing.CatalogModel;
import io.tokenwarden.web.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md 4.5: past turn 6 the history is replaced by a summary at 20% of its size, saving
 * 0.8 x history_t at the model's input price per turn; a Haiku call at turns 7, 13, 19, ... reads
 * the history and writes the summary.
 */
@Component
class ConversationSummarizationDetector implements Detector {

    static final int TURNS = 6;
    private static final BigDecimal KEPT = new BigDecimal("0.2");
    private static final BigDecimal SAVED = new BigDecimal("0.8");

    @Override
    public Kind kind() {
        return Kind.CONVERSATION_SUMMARIZATION;
    }

    @Override
    public Optional<Finding> detect(UseCaseWindow window) {
        Optional<CatalogModel> haiku = window.routingTarget("haiku");
        Map<String, List<WindowEvent>> conversations = window.events().stream()
                .filter(e -> e.conversationId() != null && e.turn() != null)
                .collect(Collectors.groupingBy(WindowEvent::conversationId));
        BigDecimal turnSavings = BigDecimal.ZERO;
        BigDecimal summaryCalls = BigDecimal.ZERO;
        long longConversations = 0;
        long summarizedTurns = 0;
        for (List<WindowEvent> turns : conversations.values()) {
            Optional<WindowEvent> first =
                    turns.stream().filter(e -> e.turn() == 1).findFirst();
            if (first.isEmpty() || haiku.isEmpty() || turns.stream().noneMatch(e -> e.turn() > TURNS)) {
                continue;
            }
            longConversations++;
            long firstInput = first.get().usage().totalInput();
            for (WindowEvent turn : turns) {
                if (turn.turn() <= TURNS) {
                    continue;
                }
                long history = Math.max(0, turn.usage().totalInput() - firstInput);
                turnSavings =
                        turnSavings.add(SAVED.multiply(window.price(turn, turn.model(), UseCaseWindow.input(history))));
                if ((turn.turn() - TURNS - 1) % TURNS == 0) {
                    summaryCalls = summaryCalls
                            .add(window.priceStandard(turn, haiku.get().id(), UseCaseWindow.input(history)))
                            .add(KEPT.multiply(
                                    window.priceStandard(turn, haiku.get().id(), UseCaseWindow.output(history))));
                }
                summarizedTurns++;
            }
        }
        BigDecimal saving = turnSavings.subtract(summaryCalls);
        if (longConversations == 0 || saving.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                kind(),
                "Summarize long conversations of " + window.settings().useCase(),
                "medium",
                window.monthly(saving),
                map(
                        "conversations",
                        conversations.size(),
                        "conversations_over_6_turns",
                        longConversations,
                        "turns_after_6",
                        summarizedTurns,
                        "turn_savings_usd",
                        Money.format(turnSavings),
                        "summary_calls_cost_usd",
                        Money.format(summaryCalls),
                        "window_savings_usd",
                        Money.format(saving)),
                map(
                        "summary_size",
                        "20% of the history",
                        "summarize_at_turns",
                        "7, 13, 19, ...",
                        "summarizer_model",
                        haiku.get().id(),
                        "window_days",
                        window.windowDays()),
                HowTo.summarization()));
    }
}

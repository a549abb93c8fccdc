package org.carrierhost.host.http;

import java.util.Arrays;
import java.util.List;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.registry.NumberTransitions;

/**
 * The answer of {@code GET /api/states}: every number state, and the one table of moves between them
 * ({@link NumberTransitions}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param states      every state's wire name
 * @param transitions every allowed move; any other is answered {@code 409 invalid_state_transition}
 */
record StatesAnswer(List<String> states, List<Move> transitions) {

    /**
     * One allowed move.
     *
     * @param by       the request that makes it: {@code acquire}, {@code disconnect}, {@code activate}, or {@code reaper}
     * @param carriers {@code local}, {@code remote} or {@code any}: whose numbers it applies to
     * @param aging    {@code on}, {@code off} or {@code any}: whether the number's carrier must age disconnected numbers
     * @param call     the carrier callback it makes: {@code acquire}, {@code disconnect} or {@code none}
     */
    record Move(String from, String to, String by, String carriers, String aging, String call, String note) {
    }

    static StatesAnswer of() {
        return new StatesAnswer(Arrays.stream(NumberState.values()).map(NumberState::wireName).toList(),
                NumberTransitions.all().stream().map(t -> new Move(t.from().wireName(), t.to().wireName(), t.by().wireName(),
                        t.carriers().wireName(), t.aging().wireName(), t.call().wireName(), t.note())).toList());
    }
}

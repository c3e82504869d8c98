package org.jotrs.ticket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Messages;
import org.jotrs.ticket.InvalidTicketRequest;
import org.jotrs.ticket.TicketAction;

/**
 * What an answer form (reply, forward, note, phone call) does to the ticket besides adding its
 * article, so that "answer and close" is one submit: the next state with its pending time, the
 * next owner, and taking or releasing the lock. Empty fields leave the ticket as it is.
 *
 * @param nextState a state name, or empty for unchanged
 * @param nextPendingUntil the {@code datetime-local} value in the agent's zone
 * @param nextOwnerId an agent id, or empty for unchanged
 * @param nextLock {@code lock}, {@code unlock}, or empty for unchanged
 */
public record NextSteps(String nextState, String nextPendingUntil, String nextOwnerId, String nextLock) {

    /** Form field names, for the template and to show what was entered after a refusal. */
    public static final List<String> FIELDS = List.of("nextState", "nextPendingUntil", "nextOwnerId", "nextLock");

    private enum LockChange {
        LOCK, UNLOCK
    }

    /** The article's action followed by the chosen next steps: owner, then state, then lock. */
    List<TicketAction> after(TicketAction article) {
        List<TicketAction> actions = new ArrayList<>();
        actions.add(article);
        String owner = InvalidInput.clean(nextOwnerId);
        if (owner != null) {
            try {
                actions.add(new TicketAction.ChangeOwner(Integer.valueOf(owner)));
            } catch (NumberFormatException e) {
                throw new InvalidTicketRequest(Map.of("nextOwnerId", Messages.t("ticket.fields.choose-from-list")));
            }
        }
        String state = InvalidInput.clean(nextState);
        if (state != null) {
            actions.add(new TicketAction.ChangeState(state, TicketPages.pendingUntil(nextPendingUntil)));
        }
        LockChange lock = InvalidInput.choice("nextLock", nextLock, LockChange.class, null);
        // A new owner gets the ticket locked already; "lock" would make the acting agent its owner instead.
        if (lock == LockChange.LOCK && owner != null) {
            lock = null;
        }
        if (lock != null) {
            actions.add(lock == LockChange.LOCK ? new TicketAction.Lock() : new TicketAction.Unlock());
        }
        return actions;
    }

    /** The values as entered, to fill the form again after a refusal. */
    public Map<String, String> entered() {
        return Map.of("nextState", nz(nextState), "nextPendingUntil", nz(nextPendingUntil), "nextOwnerId",
                nz(nextOwnerId), "nextLock", nz(nextLock));
    }

    public static NextSteps none() {
        return new NextSteps("", "", "", "");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}

package org.alliance.checkin;

import java.util.Optional;

/**
 * The open check-in and the still-pending response a per-person job (an invitation, a reminder)
 * is about; or, in {@code nothingToDo}, why the job no longer makes sense.
 */
record PendingPerson(CheckIn checkIn, Response response, String nothingToDo) {

    static PendingPerson of(String teamId, String checkInId, String userId, CheckInRepository checkIns,
                            ResponseRepository responses) {
        Optional<CheckIn> checkIn = checkIns.find(teamId, checkInId);
        if (checkIn.isEmpty() || !checkIn.get().isOpen()) {
            return new PendingPerson(null, null, "check-in " + checkInId + " has ended");
        }
        Optional<Response> response = responses.find(checkIn.get().id(), userId);
        if (response.isEmpty() || response.get().status() != ResponseStatus.PENDING) {
            return new PendingPerson(null, null, userId + " is not waiting to answer " + checkIn.get().id());
        }
        return new PendingPerson(checkIn.get(), response.get(), null);
    }
}

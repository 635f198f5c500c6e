package org.alliance.checkin;

import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/** Every check-in ever stored, for features that build their own view of the past (once, not per request). */
@Service
public class PastCheckIns {

    private final CheckInRepository checkIns;

    PastCheckIns(CheckInRepository checkIns) {
        this.checkIns = checkIns;
    }

    /** Calls {@code each} with every stored check-in, in no particular order. */
    public void forEach(Consumer<CheckIn> each) {
        checkIns.forEach(each);
    }
}

package archfixture.slack;

import archfixture.checkin.Visit;

/** Broken on purpose: infrastructure that reaches into a feature (and so closes a cycle). */
public class Routes {

    public String route(Visit visit) {
        return visit.userId();
    }
}

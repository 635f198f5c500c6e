package org.alliance.agreements;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions' points, line by line: the points of the newer version not in
 * the older ("added") and those of the older no longer in the newer ("removed"). A reworded point
 * reads as one removed and one added, which is what a person checking it needs to see.
 */
final class AgreementDiff {

    record Line(boolean added, String point) {
        /** "+ point" or "− point", as every message and view shows it (unescaped). */
        String shown() {
            return (added ? "+ " : "\u2212 ") + point;
        }
    }

    private AgreementDiff() {
    }

    /** The changed lines in the newer version's order, each removal just before where it stood. */
    static List<Line> between(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = same(before.get(i), after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() && j < after.size()) {
            if (same(before.get(i), after.get(j))) {
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(false, before.get(i++)));
            } else {
                lines.add(new Line(true, after.get(j++)));
            }
        }
        while (i < before.size()) {
            lines.add(new Line(false, before.get(i++)));
        }
        while (j < after.size()) {
            lines.add(new Line(true, after.get(j++)));
        }
        return lines;
    }

    /** Spacing and case are not a change anyone agreed differently about. */
    private static boolean same(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}

package org.alliance.install;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The few plain pages people see while installing. Nothing on them is trusted: whatever came from
 * the request or from Slack is HTML-escaped, nothing is cached (the state is single-use), and the
 * headers forbid scripts, framing and referrers.
 */
final class InstallPages {

    static final Map<String, String> SAFE_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Pragma", "no-cache",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src https://platform.slack-edge.com;"
                    + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    /** A page and its HTTP status. */
    record Page(int status, String title, String bodyHtml) {
    }

    private InstallPages() {
    }

    static Page install(String authorizeUrl) {
        return new Page(200, "Add Alliance to Slack", "<p>Alliance runs check-ins between leaders and their people in Slack.</p>"
                + "<p><a href=\"" + escape(authorizeUrl) + "\"><img alt=\"Add to Slack\" height=\"40\" width=\"139\""
                + " src=\"https://platform.slack-edge.com/img/add_to_slack.png\"></a></p>"
                + "<p>This link works once, for ten minutes.</p>");
    }

    static Page installed(String where) {
        return new Page(200, "Alliance is installed", "<p>Alliance is installed in " + escape(where)
                + ". Type <code>/alliance</code> in Slack to start a check-in.</p>");
    }

    static Page failed(int status, String what) {
        return new Page(status, "Alliance was not installed", "<p>" + escape(what) + "</p>"
                + "<p><a href=\"/slack/install\">Start the install again</a></p>");
    }

    /** Writes the page with the safe headers and any cookies (the state's, or its deletion). */
    static void write(HttpServletResponse resp, Page page, List<String> cookies) throws IOException {
        SAFE_HEADERS.forEach(resp::setHeader);
        cookies.forEach(c -> resp.addHeader("Set-Cookie", c));
        resp.setStatus(page.status());
        resp.setContentType("text/html; charset=utf-8");
        resp.getWriter().write(html(page));
    }

    static String html(Page page) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(page.title())
                + "</title><style>body{font-family:sans-serif;max-width:40em;margin:4em auto;padding:0 1em}</style>"
                + "</head><body><h1>" + escape(page.title()) + "</h1>" + page.bodyHtml() + "</body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

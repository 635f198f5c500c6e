package org.alliance.install;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.builtin.DefaultOAuthCallbackService;
import com.slack.api.bolt.service.builtin.oauth.default_impl.OAuthV2DefaultSuccessHandler;
import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's OAuth redirect handling (check the state, call oauth.v2.access, store the install) with
 * this bot's own answers: a plain page for every outcome, 400 for what the installer can fix by
 * starting again, 503 when Slack or the database could not be reached, never a 500.
 */
final class InstallFlow {

    private static final Logger log = LoggerFactory.getLogger(InstallFlow.class);

    private InstallFlow() {
    }

    static DefaultOAuthCallbackService callbackService(AppConfig config, OAuthStates states,
                                                       InstallationService installations, Installations stored,
                                                       Workspaces workspaces) {
        OAuthV2DefaultSuccessHandler success = new OAuthV2DefaultSuccessHandler(config, installations);
        success.setPersistenceCallback(args -> {
            Installer installer = args.getInstaller();
            DefaultInstaller names = installer instanceof DefaultInstaller d ? d : new DefaultInstaller();
            boolean orgWide = MongoInstallationService.orgWide(installer.getIsEnterpriseInstall());
            String where = orgWide
                    ? "the organization " + names.getEnterpriseName() + " (" + installer.getEnterpriseId() + ")"
                    : names.getTeamName() + " (" + installer.getTeamId() + ")";
            if (!orgWide) {
                workspaces.connected(installer.getTeamId(), names.getTeamName(), installer.getBotUserId());
            } else {
                // A reinstall makes the org's workspaces the bot already served reachable again (say after
                // a rejected token); others become so when the bot first hears from them.
                stored.teamsOf(installer.getEnterpriseId())
                        .forEach(team -> workspaces.connected(team, null, installer.getBotUserId()));
            }
            log.info("Installed in {} by {}", where, installer.getInstallerUserId());
            page(args.getResponse(), InstallPages.installed(where));
        });
        success.setPersistenceErrorCallback(args -> {
            log.warn("Could not store an install: {}", args.getError().getMessage());
            page(args.getResponse(), InstallPages.failed(503, "The install could not be saved (the bot's database"
                    + " did not answer). Nothing was stored; please start again in a minute."));
        });
        return new DefaultOAuthCallbackService(config, states, null, success,
                (req, resp) -> {
                    log.info("OAuth redirect with an error from Slack: {}", oneWord(req.getPayload().getError()));
                    return page(resp, InstallPages.failed(400, "Slack did not install Alliance: "
                            + req.getPayload().getError() + ". Nothing was stored."));
                },
                (req, resp) -> {
                    log.info("OAuth redirect refused: state missing, expired, already used or from another browser");
                    return page(resp, InstallPages.failed(400, "This install link has expired or was already used"
                            + " (each link works once, for ten minutes, in the browser that opened it). Nothing was stored."));
                },
                null,
                (req, resp, apiResponse) -> {
                    log.info("OAuth redirect: oauth.v2.access answered {}", oneWord(apiResponse.getError()));
                    return page(resp, InstallPages.failed(400, "Slack refused to finish the install ("
                            + apiResponse.getError() + "). Nothing was stored."));
                },
                (req, resp, e) -> {
                    log.warn("OAuth redirect failed: {}", e.getMessage());
                    return page(resp, InstallPages.failed(503, "Slack or the bot's database could not be reached to"
                            + " finish the install. Nothing was stored; please start again in a minute."));
                });
    }

    private static Response page(Response response, InstallPages.Page page) {
        response.setStatusCode(page.status());
        response.setContentType("text/html; charset=utf-8");
        response.setBody(InstallPages.html(page));
        return response;
    }

    /** What Slack or a visitor put in an error code, safe to log. */
    private static String oneWord(String text) {
        return text == null ? "(none)" : text.replaceAll("[^A-Za-z0-9_.-]", "?").substring(0, Math.min(60, text.length()));
    }
}

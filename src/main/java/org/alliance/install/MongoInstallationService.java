package org.alliance.install;

import java.time.Instant;
import java.util.List;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import org.alliance.install.InstallationRepository.InstallationDocument;

/**
 * Bolt's view of the installs: Bolt stores an install after the OAuth exchange and, on every
 * request, finds the bot token of the request's workspace (or org) here. No user tokens are asked
 * for, so none are kept.
 */
class MongoInstallationService implements InstallationService {

    private final Installations installations;

    MongoInstallationService(Installations installations) {
        this.installations = installations;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        // Only the latest install of each workspace is kept.
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        DefaultInstaller names = i instanceof DefaultInstaller d ? d : new DefaultInstaller();
        save(orgWide(i.getIsEnterpriseInstall()), i.getEnterpriseId(), names.getEnterpriseName(), i.getTeamId(),
                names.getTeamName(),
                i.getAppId(), i.getBotId(), i.getBotUserId(), i.getBotScope(), i.getInstallerUserId(),
                i.getBotAccessToken(), i.getBotRefreshToken(), i.getBotTokenExpiresAt(), i.getInstalledAt());
    }

    @Override
    public void saveBot(Bot b) {
        DefaultBot names = b instanceof DefaultBot d ? d : new DefaultBot();
        save(orgWide(b.getIsEnterpriseInstall()), b.getEnterpriseId(), names.getEnterpriseName(), b.getTeamId(),
                names.getTeamName(),
                b.getAppId(), b.getBotId(), b.getBotUserId(), b.getBotScope(), null,
                b.getBotAccessToken(), b.getBotRefreshToken(), b.getBotTokenExpiresAt(), b.getInstalledAt());
    }

    @Override
    public void deleteBot(Bot bot) {
        installations.delete(id(orgWide(bot.getIsEnterpriseInstall()), bot.getEnterpriseId(), bot.getTeamId()));
    }

    @Override
    public void deleteInstaller(Installer installer) {
        installations.delete(id(orgWide(installer.getIsEnterpriseInstall()), installer.getEnterpriseId(),
                installer.getTeamId()));
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        installations.delete(teamId != null ? teamId : enterpriseId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return installations.find(enterpriseId, teamId).map(MongoInstallationService::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        // Bolt asks for an installer only to find a user token, and this app has none.
        return null;
    }

    private void save(boolean enterpriseInstall, String enterpriseId, String enterpriseName, String teamId,
                      String teamName, String appId, String botId, String botUserId, String scopes,
                      String installerUserId, String token, String refresh, Long expiresAtMillis, Long installedAt) {
        if (token == null) {
            throw new IllegalArgumentException("Slack returned no bot token for this install");
        }
        Instant installed = installedAt == null ? null : Instant.ofEpochMilli(installedAt);
        InstallationDocument document = new InstallationDocument(id(enterpriseInstall, enterpriseId, teamId),
                enterpriseInstall ? null : teamId, teamName, enterpriseId, enterpriseName, enterpriseInstall, appId,
                botId, botUserId, scopes, installerUserId, null, null,
                expiresAtMillis == null ? null : Instant.ofEpochMilli(expiresAtMillis), List.of(), installed, null);
        installations.save(document, token, refresh);
    }

    static boolean orgWide(Boolean isEnterpriseInstall) {
        return Boolean.TRUE.equals(isEnterpriseInstall);
    }

    private static String id(boolean enterpriseInstall, String enterpriseId, String teamId) {
        return enterpriseInstall ? enterpriseId : teamId;
    }

    private static Bot bot(Installations.Opened opened) {
        InstallationDocument d = opened.document();
        DefaultBot bot = new DefaultBot();
        bot.setAppId(d.appId());
        bot.setEnterpriseId(d.enterpriseId());
        bot.setEnterpriseName(d.enterpriseName());
        bot.setTeamId(d.teamId());
        bot.setTeamName(d.teamName());
        bot.setIsEnterpriseInstall(d.enterpriseInstall());
        bot.setBotId(d.botId());
        bot.setBotUserId(d.botUserId());
        bot.setBotScope(d.botScopes());
        bot.setBotAccessToken(opened.botToken());
        bot.setBotRefreshToken(opened.refreshToken());
        bot.setBotTokenExpiresAt(d.botTokenExpiresAt() == null ? null : d.botTokenExpiresAt().toEpochMilli());
        bot.setInstalledAt(d.installedAt() == null ? null : d.installedAt().toEpochMilli());
        return bot;
    }
}

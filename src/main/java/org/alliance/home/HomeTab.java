package org.alliance.home;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import org.springframework.stereotype.Component;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;

/** The App Home tab: a short guide, published when someone opens it. */
@Component
class HomeTab {

    private final SlackApi api;
    private final SlackWork work;

    HomeTab(SlackApi api, SlackWork work) {
        this.api = api;
        this.work = work;
    }

    void opened(String teamId, AppHomeOpenedEvent event) {
        if (!"home".equals(event.getTab())) {
            return;
        }
        String userId = event.getUser();
        work.run("publishing the Home tab for " + userId, () -> api.callOk(teamId, "views.publish",
                c -> c.viewsPublish(r -> r.userId(userId).view(view(v -> v.type("home").blocks(blocks()))))));
    }

    private static List<LayoutBlock> blocks() {
        return asBlocks(
                section(s -> s.text(markdownText("*Alliance* runs check-ins: purposeful questions to the people you "
                        + "lead, so you understand their situation, needs and goals, and then follow up."))),
                section(s -> s.text(markdownText("Type `/alliance` in any channel to start one, or `/alliance help` "
                        + "to see every command."))));
    }

}

package org.alliance.checkin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.alliance.slack.People;
import org.alliance.slack.SlackText;
import org.springframework.stereotype.Component;

/**
 * Who a start request asks: the people named, plus the members of its user groups and channels,
 * each once. Reads Slack's directory only; refuses with a message for the leader.
 */
@Component
class Participants {

    /** The people to ask, in the order first named; or, when {@code refusal} is set, why nobody. */
    record Chosen(List<String> ids, String refusal) {

        static Chosen refused(String refusal) {
            return new Chosen(List.of(), refusal);
        }
    }

    private final People people;
    private final CheckInSettings settings;

    Participants(People people, CheckInSettings settings) {
        this.people = people;
        this.settings = settings;
    }

    Chosen choose(StartRequest request) {
        Set<String> candidates = new LinkedHashSet<>(request.userIds());
        for (String group : request.userGroupIds()) {
            Optional<List<String>> members = people.userGroupMembers(request.teamId(), group);
            if (members.isEmpty()) {
                return Chosen.refused("I couldn't find the user group `" + SlackText.escape(group) + "`.");
            }
            candidates.addAll(members.get());
        }
        for (String channel : request.memberChannelIds()) {
            Optional<List<String>> members = people.channelMembers(request.teamId(), channel);
            if (members.isEmpty()) {
                return Chosen.refused("I can't see who is in <#" + channel + ">. Invite me to it with "
                        + "`/invite @Alliance`, or choose people one by one.");
            }
            candidates.addAll(members.get());
        }
        // A group or channel of hundreds is read from one bulk listing, not one lookup per person.
        people.prefetch(request.teamId(), candidates);
        List<String> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String userId : candidates) {
            Optional<People.Person> person = people.find(request.teamId(), userId);
            boolean named = request.userIds().contains(userId);
            if (person.isEmpty()) {
                unknown.add(userId);
            } else if (person.get().bot() || person.get().deleted()) {
                // Someone named who can't answer is a mistake to point out; one in a group or channel is just left out.
                if (named) {
                    return Chosen.refused("<@" + userId + "> can't take part: "
                            + (person.get().bot() ? "it's an app, not a person." : "their account is deactivated."));
                }
            } else if (named || !userId.equals(request.leaderId())) {
                // A leader pulled in through a group or channel is left out: they ask, they don't answer.
                chosen.add(userId);
            }
        }
        if (!unknown.isEmpty()) {
            return Chosen.refused("I couldn't find " + (unknown.size() == 1 ? "the user " : "the users ")
                    + String.join(", ", unknown.stream().map(u -> "`" + SlackText.echo(u) + "`").toList())
                    + " in this workspace. Please pick people from Slack's list of members.");
        }
        if (chosen.isEmpty()) {
            return Chosen.refused("Please choose at least one person to ask.");
        }
        if (chosen.size() > settings.maxParticipants()) {
            return Chosen.refused("That's " + chosen.size() + " people; a check-in can ask at most "
                    + settings.maxParticipants() + ". Please choose fewer.");
        }
        return new Chosen(chosen, null);
    }
}

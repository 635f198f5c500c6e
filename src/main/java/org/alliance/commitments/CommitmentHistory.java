package org.alliance.commitments;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * The commitments made to one member after given check-ins, for a history of what passed
 * between them and their leader. A commitment is only ever made by the check-in's leader, so
 * both the leader and the member may see these.
 */
@Service
public class CommitmentHistory {

    /**
     * @param helped the member's "did it help?" answer in words; null while there is none
     */
    public record Item(String id, String checkInId, String leaderId, String text, Instant dueAt, boolean done,
                       Instant doneAt, String helped) {
    }

    private final CommitmentRepository repository;

    CommitmentHistory(CommitmentRepository repository) {
        this.repository = repository;
    }

    /** Check-in id to its commitments to {@code memberId}, newest first; check-ins without any are left out. */
    public Map<String, List<Item>> toMember(String teamId, String memberId, Collection<String> checkInIds) {
        if (checkInIds.isEmpty()) {
            return Map.of();
        }
        return repository.toMemberAfter(teamId, memberId, checkInIds).stream()
                .map(c -> new Item(c.id(), c.checkInId(), c.leaderId(), c.text(), c.dueAt(), !c.isOpen(), c.doneAt(),
                        c.helped() == null ? null : c.helped().label()))
                .collect(Collectors.groupingBy(Item::checkInId, LinkedHashMap::new, Collectors.toList()));
    }
}

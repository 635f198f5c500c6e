package org.alliance.commitments;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Open commitments for dashboards such as Home, soonest due first. Each is shown only to the two
 * people it is between: ask by leader for the leader, by member for the member. Both queries are
 * served by an index on (team, leader or member, status).
 */
@Service
public class CommitmentQueries {

    private final CommitmentRepository repository;

    CommitmentQueries(CommitmentRepository repository) {
        this.repository = repository;
    }

    /** Open commitments {@code leaderId} has made, at most {@code limit}. */
    public List<Commitment> openByLeader(String teamId, String leaderId, int limit) {
        return repository.openByLeader(teamId, leaderId, limit);
    }

    /** Open commitments leaders have made to {@code memberId}, at most {@code limit}. */
    public List<Commitment> openToMember(String teamId, String memberId, int limit) {
        return repository.openForMember(teamId, memberId, limit);
    }
}

package cn.city.party.org.transfer;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberEvents;
import cn.city.party.org.member.MemberService;
import cn.city.party.org.member.RosterChanges;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationType;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Membership transfers between branches, across departments too.
 *
 * <p>Scoping: a transfer is visible to a caller whose department scope contains its sending <em>or</em> its
 * receiving department (a branch secretary: whose branch is the sending or receiving branch). The receiving admin
 * therefore sees an incoming transfer of a member who is still in another department, but only the transfer's own
 * fields (name, branches, reason), never that member's profile. Only the sending side starts and cancels; only the
 * receiving side accepts or rejects.
 *
 * <p>Atomicity without transactions: starting sets {@code pendingTransferId} on the member with a conditional
 * single-document update that matches only when none is set, so two concurrent transfers of one member cannot both
 * start. Deciding flips the transfer from PENDING with a conditional update (accept and reject cannot both win);
 * accepting then moves the member (department and branch in one document write, with its transferred event) and
 * clears the lock, so the member is in exactly one branch at every moment. If the process stops between those two
 * writes, accepting again completes the move.
 */
@Service
public class TransferService {

    static final String ENTITY = "entity.transfer";
    static final java.time.Duration ORPHANED_AFTER = java.time.Duration.ofMinutes(5);

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final MemberService members;
    private final BranchScope branchScope;
    private final EventFactory events;
    private final PlatformCalendar calendar;
    private final RosterChanges rosterChanges;

    public TransferService(ScopedMongo store, MongoTemplate mongo, MemberService members, BranchScope branchScope,
                           EventFactory events, PlatformCalendar calendar, RosterChanges rosterChanges) {
        this.store = store;
        this.mongo = mongo;
        this.members = members;
        this.branchScope = branchScope;
        this.events = events;
        this.calendar = calendar;
        this.rosterChanges = rosterChanges;
    }

    public enum Direction { INCOMING, OUTGOING }

    public Transfer start(String memberId, String toBranchId, String reason) {
        Member member = members.get(memberId); // in the caller's department (and branch, for a secretary)
        if (!member.status().onRoll()) {
            throw Problems.rule("memberId", "transfer.notOnRoll", member.name());
        }
        Organization target = receivingBranch(toBranchId);
        if (target.id().equals(member.branchId())) {
            throw Problems.rule("toBranchId", "transfer.sameBranch");
        }
        String id = UUID.randomUUID().toString();
        if (!claim(member.id(), id)) {
            throw Problems.conflict("member.transferPending", member.name());
        }
        Caller caller = CurrentCaller.get();
        Transfer transfer = new Transfer(id, member.id(), member.name(), member.department(), member.branchId(),
                target.department(), target.id(), target.name(), Transfer.Status.PENDING, reason, calendar.now(),
                caller.username(), null, null, null);
        try {
            return mongo.insert(transfer);
        } catch (RuntimeException e) {
            release(member.id(), id);
            throw e;
        }
    }

    public Transfer get(String id) {
        return Optional.ofNullable(mongo.findOne(visible(Criteria.where("_id").is(id)), Transfer.class))
                .orElseThrow(() -> Problems.notFound(ENTITY, id));
    }

    public List<Transfer> list(Direction direction, Transfer.Status status) {
        List<Criteria> all = new ArrayList<>();
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (direction != null) {
            side(direction == Direction.INCOMING ? "to" : "from").ifPresent(all::add);
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        return mongo.find(visible(criteria).with(Sort.by(Sort.Direction.DESC, "startedAt")), Transfer.class);
    }

    public Transfer accept(String id, String note) {
        Transfer transfer = get(id);
        requireReceivingSide(transfer);
        receivingBranch(transfer.toBranchId());
        Member member = mongo.findById(transfer.memberId(), Member.class);
        if (member != null && mongo.exists(Query.query(Criteria.where("department").is(transfer.toDepartment())
                .and("nationalId").is(member.nationalId()).and("_id").ne(member.id())), Member.class)) {
            throw Problems.conflict("transfer.alreadyInDestination", transfer.memberName());
        }
        Transfer decided = decide(transfer, Transfer.Status.ACCEPTED, note);
        complete(decided);
        return decided;
    }

    public Transfer reject(String id, String note) {
        Transfer transfer = get(id);
        requireReceivingSide(transfer);
        Transfer decided = decide(transfer, Transfer.Status.REJECTED, note);
        release(transfer.memberId(), id);
        return decided;
    }

    public Transfer cancel(String id) {
        Transfer transfer = get(id);
        requireSendingSide(transfer);
        Transfer decided = decide(transfer, Transfer.Status.CANCELLED, null);
        release(transfer.memberId(), id);
        return decided;
    }

    /** Moves the member of an accepted transfer, if it has not moved yet: one document write with its event. */
    private void complete(Transfer transfer) {
        try {
            Member member = mongo.findById(transfer.memberId(), Member.class);
            if (member == null || !transfer.id().equals(member.pendingTransferId())) {
                return; // already moved
            }
            member.placeIn(transfer.toDepartment(), transfer.toBranchId(), null);
            member.clearPendingTransfer();
            member.raise(events.create(MemberEvents.TRANSFERRED, member.id(), member.department(),
                    new MemberEvents.TransferredData(MemberEvents.MemberData.of(member), transfer.fromDepartment(),
                            transfer.fromBranchId())));
            mongo.save(member);
        } finally {
            // both rolls changed; also when the member had moved already: completing again counts a move whose count
            // was lost
            rosterChanges.raise(transfer.fromDepartment(), List.of(transfer.fromBranchId()));
            rosterChanges.raise(transfer.toDepartment(), List.of(transfer.toBranchId()));
        }
    }

    private Transfer decide(Transfer transfer, Transfer.Status outcome, String note) {
        Query pending = Query.query(Criteria.where("_id").is(transfer.id()).and("status").is(Transfer.Status.PENDING));
        Update update = new Update().set("status", outcome).set("decidedAt", calendar.now())
                .set("decidedBy", CurrentCaller.get().username()).set("decisionNote", note);
        Transfer decided = mongo.findAndModify(pending, update, FindAndModifyOptions.options().returnNew(true), Transfer.class);
        if (decided == null) {
            Transfer now = mongo.findById(transfer.id(), Transfer.class);
            if (now != null && now.status() == Transfer.Status.ACCEPTED && outcome == Transfer.Status.ACCEPTED) {
                complete(now); // a previous acceptance stopped before the member moved
            }
            throw Problems.conflict("transfer.notPending", now == null ? transfer.status() : now.status());
        }
        return decided;
    }

    /** The member's lock: set only when no other transfer holds it. */
    private boolean claim(String memberId, String transferId) {
        Query free = Query.query(Criteria.where("_id").is(memberId).and("pendingTransferId").is(null));
        Update lock = new Update().set("pendingTransferId", transferId).set("pendingTransferSince", calendar.now())
                .inc("version", 1);
        if (mongo.findAndModify(free, lock, Member.class) != null) {
            return true;
        }
        // a lock older than a request can take whose transfer was never stored (the process stopped in between)
        // is released and taken again; a young one may belong to a request still running
        Member member = mongo.findById(memberId, Member.class);
        if (member != null && member.pendingTransferId() != null
                && member.pendingTransferSince().isBefore(calendar.now().minus(ORPHANED_AFTER))
                && !mongo.exists(Query.query(Criteria.where("_id").is(member.pendingTransferId())), Transfer.class)) {
            release(memberId, member.pendingTransferId());
            return mongo.findAndModify(free, lock, Member.class) != null;
        }
        return false;
    }

    private void release(String memberId, String transferId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId).and("pendingTransferId").is(transferId)),
                new Update().unset("pendingTransferId").unset("pendingTransferSince").inc("version", 1), Member.class);
    }

    /**
     * The receiving branch may be in any department, so it is looked up beyond the caller's scope; only its
     * existence, type, state, name and department are used.
     */
    private Organization receivingBranch(String branchId) {
        Organization branch = mongo.findById(branchId, Organization.class);
        if (branch == null || branch.type() != OrganizationType.BRANCH) {
            throw Problems.rule("toBranchId", "transfer.noSuchBranch", branchId);
        }
        if (!branch.isActive()) {
            throw Problems.rule("toBranchId", "transfer.branchDissolved", branch.name());
        }
        return branch;
    }

    private void requireReceivingSide(Transfer t) {
        if (!onSide(t.toDepartment(), t.toBranchId())) {
            throw Problems.forbidden("transfer.notReceivingSide");
        }
    }

    private void requireSendingSide(Transfer t) {
        if (!onSide(t.fromDepartment(), t.fromBranchId())) {
            throw Problems.forbidden("transfer.notSendingSide");
        }
    }

    private boolean onSide(String department, String branchId) {
        if (!store.scope().permits(department)) {
            return false;
        }
        return branchScope.restrictedBranches().map(own -> own.contains(branchId)).orElse(true);
    }

    /**
     * The caller's side of a transfer: {@code <prefix>BranchId} is the secretary's branch, or {@code
     * <prefix>Department} is in the caller's department scope; empty for a caller who sees every department.
     */
    private Optional<Criteria> side(String prefix) {
        Optional<Criteria> branches = branchScope.restriction(prefix + "BranchId");
        if (branches.isPresent()) {
            return branches;
        }
        return store.scope().departments().map(d -> Criteria.where(prefix + "Department").in(d));
    }

    /** Transfers the caller takes part in, on the sending or on the receiving side. */
    private Query visible(Criteria criteria) {
        Optional<Criteria> from = side("from");
        Optional<Criteria> to = side("to");
        if (from.isEmpty() || to.isEmpty()) {
            return new Query(criteria);
        }
        return new Query(new Criteria().andOperator(criteria, new Criteria().orOperator(from.get(), to.get())));
    }
}

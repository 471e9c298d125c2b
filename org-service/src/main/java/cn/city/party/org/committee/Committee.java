package cn.city.party.org.committee;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The committee of one organization (id = the organization's id): its current term and the past ones. One document,
 * so an election (new term in, old term into history) is one atomic write.
 */
@Document("committees")
@CompoundIndex(name = "department_termEnd", def = "{'department': 1, 'current.termEnd': 1}")
public class Committee extends AggregateRoot {

    @Id
    private String organizationId;
    private String department;
    private Term current;
    private List<Term> history = new ArrayList<>();
    /** Posts of the current term vacated by 撤销党内职务, awaiting a by-election (补选). */
    private List<Vacancy> vacancies = new ArrayList<>();
    /**
     * Why the holders of the serving posts changed, until their roles in Keycloak follow (null: in step). Written
     * in the same document as the change, so no change is lost when Keycloak is down; {@code SecretaryRoles} applies it.
     */
    private RoleChange rolesPending;
    @Version
    private Long version;

    protected Committee() {
    }

    public Committee(String organizationId, String department) {
        this.organizationId = organizationId;
        this.department = department;
    }

    /** A post vacated by a sanction: who held it, since when, which sanction (never shown: discipline content). */
    public record Vacancy(Term.Seat seat, LocalDate since, String sanctionId) {
    }

    /** What changed who holds the posts, for the record of role grants. */
    public enum RoleChange { ELECTION, REMOVAL_FROM_POSTS, POSTS_RESTORED, ACCOUNT_PROVISIONED }

    public void elect(Term term) {
        if (current != null) {
            history.add(0, current);
        }
        current = term;
        vacancies = new ArrayList<>();
        rolesPending = RoleChange.ELECTION;
    }

    /** 撤销党内职务: the member's posts in the current term fall vacant; false when it held none (or no longer). */
    public boolean vacate(String memberId, String sanctionId, LocalDate since) {
        if (current == null) {
            return false;
        }
        List<Term.Seat> removed = current.posts().stream().filter(s -> s.memberId().equals(memberId)).toList();
        if (removed.isEmpty()) {
            return false;
        }
        removed.forEach(seat -> vacancies.add(new Vacancy(seat, since, sanctionId)));
        current = current.withPosts(current.posts().stream().filter(s -> !removed.contains(s)).toList());
        rolesPending = RoleChange.REMOVAL_FROM_POSTS;
        return true;
    }

    /** The revocation gives back the posts this sanction vacated, unless filled since; false when there were none. */
    public boolean restore(String sanctionId) {
        List<Vacancy> mine = vacancies.stream().filter(v -> v.sanctionId().equals(sanctionId)).toList();
        if (mine.isEmpty() || current == null) {
            return false;
        }
        List<Term.Seat> posts = new ArrayList<>(current.posts());
        mine.stream().map(Vacancy::seat).filter(seat -> posts.stream().noneMatch(p -> p.post() == seat.post()))
                .forEach(posts::add);
        vacancies.removeAll(mine);
        current = current.withPosts(posts);
        rolesPending = RoleChange.POSTS_RESTORED;
        return true;
    }

    @Override
    public String department() { return department; }
    public String organizationId() { return organizationId; }
    public Term current() { return current; }
    public RoleChange rolesPending() { return rolesPending; }
    public Long version() { return version; }
    public List<Vacancy> vacancies() { return List.copyOf(vacancies); }
    /** Past terms, latest first. */
    public List<Term> history() { return List.copyOf(history); }
}

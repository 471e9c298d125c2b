package cn.city.party.org.committee;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

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
    @Version
    private Long version;

    protected Committee() {
    }

    public Committee(String organizationId, String department) {
        this.organizationId = organizationId;
        this.department = department;
    }

    public void elect(Term term) {
        if (current != null) {
            history.add(0, current);
        }
        current = term;
    }

    @Override
    public String department() { return department; }
    public String organizationId() { return organizationId; }
    public Term current() { return current; }
    /** Past terms, latest first. */
    public List<Term> history() { return List.copyOf(history); }
}

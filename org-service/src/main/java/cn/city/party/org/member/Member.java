package cn.city.party.org.member;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 党员: one document per member. It belongs to exactly one branch ({@code branchId}) at every moment; a pending
 * membership transfer is marked on this document ({@code pendingTransferId}), so starting a second one is refused by
 * a single-document conditional write.
 */
@Document("members")
@CompoundIndexes({
        @CompoundIndex(name = "department_branch_status_name", def = "{'department': 1, 'branchId': 1, 'status': 1, 'name': 1}"),
        // the scorecards' rolls: the members of given branches, whichever department asks
        @CompoundIndex(name = "branch_status", def = "{'branchId': 1, 'status': 1}"),
        @CompoundIndex(name = "department_name", def = "{'department': 1, 'name': 1}"),
        @CompoundIndex(name = "department_joinedOn", def = "{'department': 1, 'joinedOn': 1}"),
        @CompoundIndex(name = "department_joinedMonth", def = "{'department': 1, 'joinedMonth': 1}"),
        @CompoundIndex(name = "department_status_probationEndsOn", def = "{'department': 1, 'status': 1, 'probationEndsOn': 1}"),
        @CompoundIndex(name = "department_nationalId", def = "{'department': 1, 'nationalId': 1}", unique = true)
})
public class Member extends AggregateRoot {

    @Id
    private String id;
    private String department;
    private String branchId;
    private String partyGroupId;
    private String name;
    private Gender gender;
    private String ethnicity;
    private LocalDate birthDate;
    /** Sensitive: only {@link NationalId#mask masked} outside the audited endpoint. */
    private String nationalId;
    private String education;
    private String post;
    private LocalDate joinedOn;
    /** Month of {@code joinedOn} (1–12), for the political-birthday list. */
    private int joinedMonth;
    private MemberStatus status;
    private LocalDate probationEndsOn;
    private boolean probationExtended;
    private boolean leadingCadre;
    private PartyAffairsCadre partyAffairsCadre = PartyAffairsCadre.NONE;
    private String phone;
    private String email;
    private String address;
    @Indexed(name = "accountSubject", unique = true, sparse = true)
    private String accountSubject;
    private String pendingTransferId;
    private Instant pendingTransferSince;
    /** Influence periods by sanction id, written by the discipline-event consumer. */
    private Map<String, InfluencePeriod> influence = new HashMap<>();
    /** The expulsion (开除党籍) that ended the membership, and the status it ended; null while none did. */
    private String expelledBySanction;
    private MemberStatus statusBeforeExpulsion;
    /** Ids of consumed events already applied to this document (see {@code SanctionListener}). */
    private List<String> appliedEvents = new ArrayList<>();
    private Instant admittedAt;
    /** 党费: income bases, payments and the arrears flag (see the dues package). */
    private DuesLedger dues = new DuesLedger();
    @Version
    private Long version;

    protected Member() {
    }

    public Member(String id, String department, String branchId, String partyGroupId, MemberProfile profile,
                  MemberStatus status, LocalDate probationEndsOn, Contact contact, Instant now) {
        this.id = id;
        this.department = department;
        this.branchId = branchId;
        this.partyGroupId = partyGroupId;
        this.status = status;
        this.probationEndsOn = status == MemberStatus.PROBATIONARY ? probationEndsOn : null;
        this.admittedAt = now;
        change(profile);
        changeContact(contact);
    }

    public void change(MemberProfile p) {
        this.name = p.name();
        this.gender = p.gender();
        this.ethnicity = p.ethnicity();
        this.birthDate = p.birthDate();
        this.nationalId = p.nationalId();
        this.education = p.education();
        this.post = p.post();
        this.joinedOn = p.joinedOn();
        this.joinedMonth = p.joinedOn().getMonthValue();
        this.leadingCadre = p.leadingCadre();
        this.partyAffairsCadre = p.partyAffairsCadre() == null ? PartyAffairsCadre.NONE : p.partyAffairsCadre();
    }

    public void changeContact(Contact contact) {
        this.phone = contact.phone();
        this.email = contact.email();
        this.address = contact.address();
    }

    public void placeIn(String department, String branchId, String partyGroupId) {
        this.department = department;
        this.branchId = branchId;
        this.partyGroupId = partyGroupId;
    }

    public void changeStatus(MemberStatus next) {
        this.status = next;
        if (next != MemberStatus.PROBATIONARY) {
            this.probationEndsOn = null;
        }
    }

    /**
     * 开除党籍 ends the membership: off every roll (dues, study and attendance expectations follow the status).
     * False when this expulsion already did.
     */
    public boolean expel(String sanctionId) {
        if (sanctionId.equals(expelledBySanction)) {
            return false;
        }
        if (expelledBySanction == null) {
            statusBeforeExpulsion = status;
        }
        expelledBySanction = sanctionId;
        this.status = MemberStatus.EXPELLED;
        return true;
    }

    /** A revoked (or corrected) expulsion gives back the status it ended; false when it had not expelled. */
    public boolean undoExpulsion(String sanctionId) {
        if (!sanctionId.equals(expelledBySanction)) {
            return false;
        }
        this.status = statusBeforeExpulsion;
        expelledBySanction = null;
        statusBeforeExpulsion = null;
        return true;
    }

    public void extendProbation(LocalDate newDue) {
        this.probationEndsOn = newDue;
        this.probationExtended = true;
    }

    public void clearPendingTransfer() {
        this.pendingTransferId = null;
        this.pendingTransferSince = null;
    }

    public void linkAccount(String subject) {
        this.accountSubject = subject;
    }

    public MemberProfile profile() {
        return new MemberProfile(name, gender, ethnicity, birthDate, nationalId, education, post, joinedOn,
                leadingCadre, partyAffairsCadre);
    }

    public Contact contact() {
        return new Contact(phone, email, address);
    }

    /** The influence periods, latest decision first. */
    public List<InfluencePeriod> influencePeriods() {
        return influence.values().stream().sorted(Comparator.comparing(InfluencePeriod::decidedOn).reversed()).toList();
    }

    public boolean inInfluencePeriod(LocalDate day) {
        return influence.values().stream().anyMatch(p -> p.covers(day));
    }

    @Override
    public String department() { return department; }
    public String id() { return id; }
    public String branchId() { return branchId; }
    public String partyGroupId() { return partyGroupId; }
    public String name() { return name; }
    public Gender gender() { return gender; }
    public LocalDate birthDate() { return birthDate; }
    public String nationalId() { return nationalId; }
    public LocalDate joinedOn() { return joinedOn; }
    public MemberStatus status() { return status; }
    public LocalDate probationEndsOn() { return probationEndsOn; }
    public boolean probationExtended() { return probationExtended; }
    public boolean leadingCadre() { return leadingCadre; }
    public PartyAffairsCadre partyAffairsCadre() { return partyAffairsCadre; }
    public String accountSubject() { return accountSubject; }
    public String pendingTransferId() { return pendingTransferId; }
    public Instant pendingTransferSince() { return pendingTransferSince; }
    public DuesLedger dues() { return dues; }
}

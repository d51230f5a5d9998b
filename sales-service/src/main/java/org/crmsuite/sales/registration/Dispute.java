package org.crmsuite.sales.registration;

import java.time.Instant;
import java.util.List;

import org.crmsuite.platform.web.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * SA-4/SA-7: an ownership dispute between reps, and the manager's written decision. A decision that names shares is
 * the commission split for that customer (it wins over the computed rules).
 */
@Document("disputes")
public class Dispute {

    public enum State { OPEN, DECIDED }

    public record Share(String staffId, int percent) {
    }

    @Id
    String id;
    @Version
    Long version;
    String officeId;
    String departmentId;
    String visitorName;
    String phone;
    List<String> claimants;
    String description;
    String openedBy;
    Instant openedAt;
    State state = State.OPEN;
    String decision;
    List<Share> shares;
    String decidedBy;
    Instant decidedAt;

    Dispute() {
    }

    static Dispute open(String officeId, String departmentId, String visitorName, String phone, List<String> claimants,
            String description, String by, Instant at) {
        Dispute d = new Dispute();
        d.officeId = officeId;
        d.departmentId = departmentId;
        d.visitorName = visitorName;
        d.phone = Visitors.phone(phone);
        d.claimants = List.copyOf(claimants);
        d.description = description;
        d.openedBy = by;
        d.openedAt = at;
        return d;
    }

    void decide(String decision, List<Share> shares, String by, Instant at) {
        if (state == State.DECIDED) {
            throw DomainException.conflict("dispute.decided", "The dispute was decided by " + decidedBy);
        }
        if (shares != null && !shares.isEmpty() && shares.stream().mapToInt(Share::percent).sum() != 100) {
            throw DomainException.badRequest("dispute.shares-not-100", "The shares must add up to 100").with("field", "shares");
        }
        this.state = State.DECIDED;
        this.decision = decision;
        this.shares = shares == null ? List.of() : List.copyOf(shares);
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public String getId() { return id; }
    public Long getVersion() { return version; }
    public String officeId() { return officeId; }
    public String departmentId() { return departmentId; }
    public String visitorName() { return visitorName; }
    public String phone() { return phone; }
    public List<String> claimants() { return claimants; }
    public String description() { return description; }
    public String openedBy() { return openedBy; }
    public Instant openedAt() { return openedAt; }
    public State state() { return state; }
    public String decision() { return decision; }
    public List<Share> shares() { return shares; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
}

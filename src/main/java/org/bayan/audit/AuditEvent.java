package org.bayan.audit;

import org.bayan.user.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log: who did what to which thing, when and from where. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name", length = 64)
    private String actorName;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(name = "target_type", length = 20)
    private String targetType;

    @Column(name = "target_id")
    private Long targetId;

    @Column(length = 1000)
    private String detail;

    @Column(length = 64)
    private String address;

    protected AuditEvent() {
    }

    public AuditEvent(Instant at, Long actorId, String actorName, String action, String targetType, Long targetId,
                      String detail, String address) {
        this.at = at;
        this.actorId = actorId;
        this.actorName = actorName == null ? null : truncate(actorName, 64);
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.detail = detail == null ? null : truncate(detail, 1000);
        this.address = address == null ? null : truncate(address, 64);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public Long getActorId() { return actorId; }
    public String getActorName() { return actorName; }
    public String getAction() { return action; }
    public String getTargetType() { return targetType; }
    public Long getTargetId() { return targetId; }
    public String getDetail() { return detail; }
    public String getAddress() { return address; }
}

package app.meike.audit;

import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.web.RequestIds;
import app.meike.identity.Caller;
import app.meike.common.persistence.Filter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes and reads the current tenant's audit log. Writes join the caller's transaction. */
@ApplicationScoped
public class AuditLog {
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, UUID entityId, Map<String, Object> changes) {
        recordAs(caller.userId(), caller.displayName() != null ? caller.displayName() : caller.username(), action,
                entityType, entityId, changes);
    }

    /** A change made by someone without a login (a customer answering her survey link), named by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actorId, String actorName, String action, String entityType, UUID entityId,
                         Map<String, Object> changes) {
        AuditEvent event = new AuditEvent();
        event.id = Ids.newId();
        event.occurredAt = Clocks.now(clock);
        event.actorId = actorId;
        event.actorName = actorName == null || actorName.length() <= 100 ? actorName : actorName.substring(0, 100);
        event.action = action;
        event.entityType = entityType;
        event.entityId = entityId;
        event.requestId = RequestIds.current();
        event.changes = changes == null || changes.isEmpty() ? null : changes;
        event.persist();
    }

    public record AuditQuery(String entityType, UUID entityId, String actorId, OffsetDateTime from,
                             OffsetDateTime to) {
    }

    public record AuditEventView(UUID id, OffsetDateTime occurredAt, String actorId, String actorName, String action,
                                 String entityType, UUID entityId, String requestId, Map<String, Object> changes) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.occurredAt, e.actorId, e.actorName, e.action, e.entityType, e.entityId,
                    e.requestId, e.changes);
        }
    }

    public Page<AuditEventView> list(AuditQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("entityType = :entityType", "entityType", query.entityType())
                .and("entityId = :entityId", "entityId", query.entityId())
                .and("actorId = :actorId", "actorId", query.actorId())
                .and("occurredAt >= :from", "from", query.from())
                .and("occurredAt < :to", "to", query.to())
                .and("id < :after", "after", page.after());
        List<AuditEvent> rows = AuditEvent.<AuditEvent>find(filter.where() + " order by id desc", filter.params())
                .page(0, page.fetchSize()).list();
        return page.page(rows, e -> e.id, AuditEventView::of);
    }
}

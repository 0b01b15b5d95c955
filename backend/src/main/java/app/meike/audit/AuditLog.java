package app.meike.audit;

import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.web.RequestIds;
import app.meike.identity.Caller;
import io.quarkus.panache.common.Parameters;
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
        AuditEvent event = new AuditEvent();
        event.id = Ids.newId();
        event.occurredAt = Clocks.now(clock);
        event.actorId = caller.userId();
        event.actorName = caller.displayName() != null ? caller.displayName() : caller.username();
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
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.entityType() != null) {
            where.append(" and entityType = :entityType");
            params.and("entityType", query.entityType());
        }
        if (query.entityId() != null) {
            where.append(" and entityId = :entityId");
            params.and("entityId", query.entityId());
        }
        if (query.actorId() != null) {
            where.append(" and actorId = :actorId");
            params.and("actorId", query.actorId());
        }
        if (query.from() != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurredAt < :to");
            params.and("to", query.to());
        }
        if (page.after() != null) {
            where.append(" and id < :after");
            params.and("after", page.after());
        }
        List<AuditEvent> rows = AuditEvent.<AuditEvent>find(where + " order by id desc", params)
                .page(0, page.fetchSize()).list();
        return page.page(rows, e -> e.id, AuditEventView::of);
    }
}

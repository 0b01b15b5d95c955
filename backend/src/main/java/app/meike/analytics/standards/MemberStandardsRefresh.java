package app.meike.analytics.standards;

import app.meike.customer.CustomerErased;
import app.meike.customer.CustomerMerged;
import app.meike.customer.CustomerVisited;
import app.meike.engagement.satisfaction.SatisfactionEvents.SurveySubmitted;
import app.meike.order.OrderEvents.OrderPaid;
import app.meike.order.OrderEvents.OrderRefunded;
import app.meike.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Keeps the five-standards summary (member_standard_year) true in the transaction of every change it depends on:
 * each observer recomputes the customers concerned with the SQL function member_standards_refresh. They run after the
 * features' own observers (a later priority), so the referral a payment counted, the rows a merge moved and the
 * erasure's marks are there to read; pending entity changes are flushed first. A raw stored-value debit has no event:
 * a trigger on its qualifying-spend row does the same.
 */
@ApplicationScoped
public class MemberStandardsRefresh {
    static final int AFTER_THE_FEATURES = Interceptor.Priority.LIBRARY_AFTER + 500;

    /** The customer and, when her first paid order counted a referral, her referrer. */
    private static final String CUSTOMER_AND_REFERRER = "SELECT count(member_standards_refresh(:tenant, c.id))"
            + " FROM (SELECT CAST(:customer AS uuid) AS id UNION SELECT r.referrer_id FROM referral r"
            + " WHERE r.tenant_id = :tenant AND r.referee_id = :customer) AS c";

    @Inject
    TenantContext tenantContext;

    @Transactional(Transactional.TxType.MANDATORY)
    void onPaid(@Observes @Priority(AFTER_THE_FEATURES) OrderPaid paid) {
        refreshWithReferrer(paid.customerId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onRefunded(@Observes @Priority(AFTER_THE_FEATURES) OrderRefunded refunded) {
        refreshWithReferrer(refunded.customerId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onVisited(@Observes @Priority(AFTER_THE_FEATURES) CustomerVisited visited) {
        refresh(visited.customerId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onSurvey(@Observes @Priority(AFTER_THE_FEATURES) SurveySubmitted submitted) {
        refresh(submitted.customerId());
    }

    /** The duplicate's rows go, the survivor's are recomputed with the history she took over. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onMerged(@Observes @Priority(AFTER_THE_FEATURES) CustomerMerged merged) {
        refresh(merged.duplicateId());
        refresh(merged.survivorId());
    }

    /** An erased customer keeps no analytics rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onErased(@Observes @Priority(AFTER_THE_FEATURES) CustomerErased erased) {
        refresh(erased.customerId());
    }

    private void refresh(UUID customerId) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("SELECT count(member_standards_refresh(:tenant, :customer))")
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .getSingleResult();
    }

    private void refreshWithReferrer(UUID customerId) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery(CUSTOMER_AND_REFERRER)
                .setParameter("tenant", tenantContext.tenantId())
                .setParameter("customer", customerId)
                .getSingleResult();
    }
}

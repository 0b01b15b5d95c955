package app.meike.engagement.followup;

import app.meike.catalog.CatalogService;
import app.meike.catalog.ItemCategory;
import app.meike.common.Clocks;
import app.meike.customer.CustomerErased;
import app.meike.customer.CustomerMerged;
import app.meike.customer.CustomerService;
import app.meike.customer.CustomerService.CustomerCare;
import app.meike.customer.CustomerVisited;
import app.meike.engagement.followup.FollowUpTask.Status;
import app.meike.engagement.followup.FollowUpTasks.Reason;
import app.meike.order.OrderDtos.OrderLineView;
import app.meike.order.OrderEvents.OrderPaid;
import app.meike.order.OrderEvents.OrderRefunded;
import app.meike.order.OrderLine;
import app.meike.order.OrderService;
import app.meike.visit.Consultation.Outcome;
import app.meike.visit.ConsultationOutcomeRecorded;
import app.meike.wallet.SessionPackEvents.RedemptionReversed;
import app.meike.wallet.SessionPackEvents.SessionRedeemed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The event-driven rules, in the transaction of the event (an order paid, a pack session redeemed, a consultation's
 * outcome ...), and the reasons that go away: a fully refunded order or a reversed session cancels its treatment
 * follow-ups; a consultation that converted, or
 * a purchase, cancels the call-backs of non-conversion; a visit cancels the at-risk tasks. Birthday, expiry and
 * pack reminders stay open (the contact is still worth making); a disabled rule leaves its tasks as they are.
 */
@ApplicationScoped
class FollowUpTriggers {
    @Inject
    FollowUpRuleService rules;
    @Inject
    FollowUpTasks tasks;
    @Inject
    CustomerService customers;
    @Inject
    OrderService orders;
    @Inject
    CatalogService catalog;
    @Inject
    Clock clock;

    void orderPaid(@Observes OrderPaid paid) {
        tasks.cancel(tasks.openOfCustomer(paid.customerId(), FollowUpTrigger.CONSULTATION_NOT_CONVERTED),
                "She bought after the consultation");
        if (rules.enabled(FollowUpTrigger.AFTER_TREATMENT).isEmpty()) {
            return;
        }
        // A treatment is an item sold; a pack bought is sessions to come, not a treatment yet.
        Set<ItemCategory> categories = orders.get(paid.orderId()).lines().stream()
                .filter(l -> l.kind() == OrderLine.Kind.ITEM).map(OrderLineView::category)
                .collect(Collectors.toSet());
        afterTreatment(paid.customerId(), categories, new Reason("order:" + paid.orderId(), paid.orderId(),
                paid.clinicId(), paid.consultantId(), tasks.dayOf(paid.paidAt())));
    }

    /**
     * A pack session redeemed is a treatment given: the item's category picks the rules, as for an item sold. It is
     * also the session its pack's reminder was about; the next one due gets a reminder of its own from the daily run.
     */
    void sessionRedeemed(@Observes SessionRedeemed redeemed) {
        tasks.cancel(tasks.openOfSubject(redeemed.packId()), "The session was given");
        ItemCategory category = catalog.items(List.of(redeemed.itemId())).get(redeemed.itemId()).category();
        afterTreatment(redeemed.customerId(), Set.of(category), new Reason("redemption:" + redeemed.redemptionId(),
                redeemed.redemptionId(), redeemed.clinicId(), redeemed.clinicianId(),
                tasks.dayOf(redeemed.redeemedAt())));
    }

    /** The treatment rules of these categories (or of all), each due its days after the treatment's day. */
    private void afterTreatment(UUID customerId, Set<ItemCategory> categories, Reason onTheDay) {
        List<FollowUpRule> treatmentRules = rules.enabled(FollowUpTrigger.AFTER_TREATMENT);
        CustomerCare customer = treatmentRules.isEmpty() ? null : customers.careOf(List.of(customerId)).get(customerId);
        if (customer == null) {
            return;
        }
        for (FollowUpRule rule : treatmentRules) {
            if (rule.category == null ? !categories.isEmpty() : categories.contains(rule.category)) {
                tasks.open(rule, customer, new Reason(onTheDay.key(), onTheDay.subjectId(), onTheDay.clinicId(),
                        onTheDay.fallbackAssigneeId(), onTheDay.dueDate().plusDays(rule.days)));
            }
        }
    }

    void redemptionReversed(@Observes RedemptionReversed reversed) {
        tasks.cancel(tasks.openOfSubject(reversed.redemptionId()), "The session was reversed");
    }

    void orderRefunded(@Observes OrderRefunded refunded) {
        if (refunded.fullyRefunded()) {
            tasks.cancel(tasks.openOfSubject(refunded.orderId()), "The order was refunded");
        }
    }

    void consultationOutcome(@Observes ConsultationOutcomeRecorded recorded) {
        if (recorded.outcome() == Outcome.CONVERTED) {
            tasks.cancel(tasks.openOfSubject(recorded.consultationId()), "The consultation converted");
            return;
        }
        if (recorded.outcome() != Outcome.NOT_CONVERTED) {
            return;
        }
        CustomerCare customer = customers.careOf(List.of(recorded.customerId())).get(recorded.customerId());
        if (customer == null) {
            return;
        }
        for (FollowUpRule rule : rules.enabled(FollowUpTrigger.CONSULTATION_NOT_CONVERTED)) {
            tasks.open(rule, customer, new Reason("consultation:" + recorded.consultationId(),
                    recorded.consultationId(), recorded.clinicId(), recorded.consultantId(),
                    tasks.dayOf(recorded.recordedAt()).plusDays(rule.days)));
        }
    }

    void visited(@Observes CustomerVisited visited) {
        tasks.cancel(tasks.openOfCustomer(visited.customerId(), FollowUpTrigger.AT_RISK), "She visited");
    }

    /** A merged duplicate's tasks and contacts become the survivor's. */
    void merged(@Observes CustomerMerged merged) {
        OffsetDateTime now = Clocks.now(clock);
        FollowUpTask.<FollowUpTask>list("customerId", merged.duplicateId()).forEach(t -> {
            t.customerId = merged.survivorId();
            t.updatedAt = now;
        });
        Touchpoint.<Touchpoint>list("customerId", merged.duplicateId()).forEach(t -> t.customerId = merged.survivorId());
    }

    /** An erased customer's notes go (they may hold health information); her open tasks are cancelled. */
    void erased(@Observes CustomerErased erased) {
        UUID customerId = erased.customerId();
        tasks.cancel(FollowUpTask.list("customerId = ?1 and status = ?2", customerId, Status.OPEN),
                "She was erased at her request");
        FollowUpTask.<FollowUpTask>list("customerId = ?1 and outcomeNote is not null", customerId)
                .forEach(t -> t.outcomeNote = null);
        Touchpoint.<Touchpoint>list("customerId = ?1 and note is not null", customerId).forEach(t -> t.note = null);
    }
}

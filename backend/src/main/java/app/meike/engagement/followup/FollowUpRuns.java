package app.meike.engagement.followup;

import app.meike.common.Clocks;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.customer.CustomerService;
import app.meike.customer.CustomerService.CustomerCare;
import app.meike.engagement.followup.FollowUpDtos.FollowUpRunResult;
import app.meike.engagement.followup.FollowUpTasks.Reason;
import app.meike.membership.PointsDtos.PointsExpiringCustomer;
import app.meike.membership.PointsService;
import app.meike.wallet.SessionPackService;
import app.meike.wallet.SessionPackService.PackDue;
import app.meike.wallet.StoredValueService;
import app.meike.wallet.StoredValueService.ExpiringValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The date-driven rules, for the chain the run acts for: what falls due within a rule's days from today makes a
 * task due `days` before it (today when the run finds it later). Dates already past are looked at for
 * {@value #CATCH_UP_DAYS} days only, so a late run catches up and a new rule does not flood the queue with
 * customers long gone.
 */
@ApplicationScoped
class FollowUpRuns {
    static final int CATCH_UP_DAYS = 30;

    @Inject
    FollowUpRuleService rules;
    @Inject
    FollowUpTasks tasks;
    @Inject
    CustomerService customers;
    @Inject
    PointsService points;
    @Inject
    StoredValueService storedValue;
    @Inject
    SessionPackService packs;
    @Inject
    Clock clock;

    @Transactional
    FollowUpRunResult run() {
        OffsetDateTime now = Clocks.now(clock);
        LocalDate today = tasks.today();
        int created = 0;
        for (FollowUpRule rule : rules.enabled(FollowUpTrigger.BIRTHDAY)) {
            created += birthdays(rule, today);
        }
        for (FollowUpRule rule : rules.enabled(FollowUpTrigger.AT_RISK)) {
            for (CustomerCare c : customers.lastVisitedBetween(now.minusDays(rule.days + CATCH_UP_DAYS),
                    now.minusDays(rule.days))) {
                LocalDate lastVisit = tasks.dayOf(c.lastVisitAt());
                created += open(rule, c, new Reason("at-risk:" + c.id() + ":" + lastVisit, null, null, null,
                        latest(today, lastVisit.plusDays(rule.days))));
            }
        }
        for (FollowUpRule rule : rules.enabled(FollowUpTrigger.POINTS_EXPIRING)) {
            created += expiring(rule, today, "points", pointsExpiring(rule.days), PointsExpiringCustomer::customerId,
                    PointsExpiringCustomer::earliestExpiry);
        }
        for (FollowUpRule rule : rules.enabled(FollowUpTrigger.STORED_VALUE_EXPIRING)) {
            created += expiring(rule, today, "stored-value", storedValue.expiringBetween(now, now.plusDays(rule.days)),
                    ExpiringValue::customerId, ExpiringValue::earliestExpiry);
        }
        for (FollowUpRule rule : rules.enabled(FollowUpTrigger.PACK_SESSION_DUE)) {
            List<PackDue> due = packs.dueBetween(now.minusDays(CATCH_UP_DAYS), now.plusDays(rule.days));
            Map<UUID, CustomerCare> cares = customers.careOf(due.stream().map(PackDue::customerId).toList());
            for (PackDue pack : due) {
                LocalDate dueDay = tasks.dayOf(pack.nextDueAt());
                created += open(rule, cares.get(pack.customerId()), new Reason("pack:" + pack.packId() + ":" + dueDay,
                        pack.packId(), pack.soldAtClinicId(), null, latest(today, dueDay.minusDays(rule.days))));
            }
        }
        return new FollowUpRunResult(now, today, created);
    }

    private int birthdays(FollowUpRule rule, LocalDate today) {
        Set<MonthDay> days = new LinkedHashSet<>();
        for (LocalDate d = today; !d.isAfter(today.plusDays(rule.days)); d = d.plusDays(1)) {
            days.add(MonthDay.from(d));
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !d.isLeapYear()) {
                days.add(MonthDay.of(2, 29)); // celebrated on the 28th in other years
            }
        }
        int created = 0;
        for (CustomerCare c : customers.withBirthdayOn(days)) {
            MonthDay birthday = MonthDay.from(c.birthDate());
            LocalDate next = birthday.atYear(today.getYear());
            if (next.isBefore(today)) {
                next = birthday.atYear(today.getYear() + 1);
            }
            created += open(rule, c, new Reason("birthday:" + c.id() + ":" + next.getYear(), null, null, null,
                    latest(today, next.minusDays(rule.days))));
        }
        return created;
    }

    private <T> int expiring(FollowUpRule rule, LocalDate today, String what, List<T> rows, Function<T, UUID> customer,
                             Function<T, OffsetDateTime> expiry) {
        Map<UUID, CustomerCare> cares = customers.careOf(rows.stream().map(customer).toList());
        int created = 0;
        for (T row : rows) {
            LocalDate day = tasks.dayOf(expiry.apply(row));
            created += open(rule, cares.get(customer.apply(row)), new Reason(what + ":" + customer.apply(row) + ":"
                    + day, null, null, null, latest(today, day.minusDays(rule.days))));
        }
        return created;
    }

    private List<PointsExpiringCustomer> pointsExpiring(int days) {
        List<PointsExpiringCustomer> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<PointsExpiringCustomer> page = points.expiring(Math.max(days, 1), null,
                    PageRequest.ofTimed(String.valueOf(PageRequest.MAX_LIMIT), cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private int open(FollowUpRule rule, CustomerCare customer, Reason reason) {
        return customer != null && tasks.open(rule, customer, reason) ? 1 : 0;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

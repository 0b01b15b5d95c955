package app.meike.engagement.coupon;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Money;
import app.meike.common.Versions;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import app.meike.engagement.coupon.CouponDtos.GiftBudgetList;
import app.meike.engagement.coupon.CouponDtos.GiftBudgetSet;
import app.meike.engagement.coupon.CouponDtos.GiftBudgetView;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.tenancy.TenantService;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consultants' monthly coupon gift budgets (in face value). The tenant admin or a manager sets them; a gift draws on
 * the giver's budget of the current month with one conditional UPDATE, so concurrent gifts can never pass it.
 */
@ApplicationScoped
public class GiftBudgetService {
    @Inject
    Caller caller;
    @Inject
    StaffService staff;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public GiftBudgetList list(String month) {
        YearMonth chosen = month == null || month.isEmpty() ? currentMonth() : parse("month", month);
        List<GiftBudget> rows = GiftBudget.<GiftBudget>find("key.month = ?1 order by key.staffId",
                chosen.atDay(1)).list();
        Map<UUID, String> names = staff.displayNames(rows.stream().map(b -> b.key.staffId()).toList());
        String currency = currency();
        return new GiftBudgetList(chosen.toString(), rows.stream().map(b -> view(b.key.staffId(), names.get(
                b.key.staffId()), chosen, b.amount, b.used, b.version, currency)).toList());
    }

    /** A budget as its holder sees it; a consultant sees only her own. A month without a budget has none (0). */
    public GiftBudgetView get(UUID staffId, String month) {
        YearMonth chosen = parse("month", month);
        if (!caller.hasRole(Roles.TENANT_ADMIN) && !caller.hasRole(Roles.MANAGER)
                && !staffId.equals(caller.staffId())) {
            throw ProblemException.forbidden("A consultant sees her own gift budget only");
        }
        String name = requireStaff(staffId);
        String currency = currency();
        return GiftBudget.<GiftBudget>findByIdOptional(new GiftBudget.Key(staffId, chosen.atDay(1)))
                .map(b -> view(staffId, name, chosen, b.amount, b.used, b.version, currency))
                .orElseGet(() -> view(staffId, name, chosen, 0, 0, 0, currency));
    }

    /**
     * Sets a month's budget. A new budget needs no If-Match; changing one does (its ETag). It can never go below what
     * was already given from it.
     */
    @Transactional
    public GiftBudgetView set(UUID staffId, String month, String ifMatch, GiftBudgetSet request) {
        YearMonth chosen = parse("month", month);
        String name = requireStaff(staffId);
        String currency = currency();
        if (!request.amount().currency().equals(currency)) {
            throw ProblemException.invalidFields(List.of(new FieldError("amount.currency",
                    "must be the chain's currency " + currency)));
        }
        GiftBudget budget = GiftBudget.<GiftBudget>findByIdOptional(new GiftBudget.Key(staffId, chosen.atDay(1)))
                .orElse(null);
        long before = 0;
        if (budget == null) {
            budget = new GiftBudget();
            budget.key = new GiftBudget.Key(staffId, chosen.atDay(1));
        } else {
            Versions.requireMatch(ifMatch, budget.version);
            before = budget.amount;
        }
        long amount = request.amount().amount();
        if (amount < budget.used) {
            throw ProblemException.unprocessable("Gifts worth " + budget.used + " were already given from this budget;"
                    + " it cannot be set lower");
        }
        budget.amount = amount;
        budget.updatedAt = Clocks.now(clock);
        budget.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("staffId", staffId);
        details.put("month", chosen.toString());
        details.put("amount", Map.of("from", before, "to", amount));
        audit.record("coupon-gift-budget.set", "coupon-gift-budget", staffId, details);
        return view(staffId, name, chosen, budget.amount, budget.used, budget.version, currency);
    }

    /** The month a gift given now draws on, in the chain's time zone. */
    LocalDate monthOf(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneId.of(tenants.timeZoneOf(caller.tenantId()))).toLocalDate().withDayOfMonth(1);
    }

    /** Takes `value` from the staff member's budget of the month, or fails with 422 leaving it as it was. */
    @Transactional(Transactional.TxType.MANDATORY)
    void draw(UUID staffId, LocalDate month, long value) {
        int drawn = changeUsed(staffId, month, value);
        if (drawn == 0) {
            GiftBudget budget = GiftBudget.<GiftBudget>findByIdOptional(new GiftBudget.Key(staffId, month))
                    .orElse(null);
            throw new ProblemException(ProblemType.INSUFFICIENT_BALANCE, budget == null
                    ? "You have no coupon gift budget for " + YearMonth.from(month)
                    : "This gift is worth " + value + " but only " + (budget.amount - budget.used)
                    + " of your gift budget for " + YearMonth.from(month) + " is left");
        }
    }

    /** Returns a voided gift's value to the budget it was drawn from. */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveBack(UUID staffId, LocalDate month, long value) {
        changeUsed(staffId, month, -value);
    }

    /** Moves the budget's `used` by `delta` in one statement, unless that would leave it outside 0..amount. */
    private int changeUsed(UUID staffId, LocalDate month, long delta) {
        return Panache.getEntityManager().createNativeQuery("UPDATE coupon_gift_budget SET used = used + :delta,"
                        + " version = version + 1, updated_at = :now WHERE tenant_id = :tenant AND staff_id = :staff"
                        + " AND month = :month AND used + :delta BETWEEN 0 AND amount")
                .setParameter("delta", delta)
                .setParameter("now", Clocks.now(clock))
                .setParameter("tenant", caller.tenantId())
                .setParameter("staff", staffId)
                .setParameter("month", month)
                .executeUpdate();
    }

    private String requireStaff(UUID staffId) {
        String name = staff.displayNames(List.of(staffId)).get(staffId);
        if (name == null) {
            throw ProblemException.notFound("Staff member");
        }
        return name;
    }

    private YearMonth currentMonth() {
        return YearMonth.from(monthOf(Clocks.now(clock)));
    }

    private static YearMonth parse(String field, String value) {
        try {
            if (value != null && value.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException ignored) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a month such as 2026-12");
    }

    private String currency() {
        return tenants.currencyOf(caller.tenantId());
    }

    private static GiftBudgetView view(UUID staffId, String name, YearMonth month, long amount, long used,
                                       long version, String currency) {
        return new GiftBudgetView(staffId, name, month.toString(), new Money(amount, currency),
                new Money(used, currency), new Money(amount - used, currency), version);
    }
}

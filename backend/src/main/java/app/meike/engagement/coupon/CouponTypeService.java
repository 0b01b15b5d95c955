package app.meike.engagement.coupon;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.catalog.ItemCategory;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem.FieldError;
import app.meike.common.problem.ProblemException;
import app.meike.engagement.coupon.CouponDtos.CouponTypeCreate;
import app.meike.engagement.coupon.CouponDtos.CouponTypePatch;
import app.meike.engagement.coupon.CouponDtos.CouponTypeView;
import app.meike.identity.Caller;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Coupon types: the chain admin defines them, everyone who sells reads them. */
@ApplicationScoped
public class CouponTypeService {
    @Inject
    Caller caller;
    @Inject
    CatalogService catalog;
    @Inject
    TenantService tenants;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public record TypeQuery(String q, Boolean active, CouponKind kind) {
    }

    public Page<CouponTypeView> list(TypeQuery query, PageRequest page) {
        Filter filter = new Filter()
                .containing(query.q(), "name", "code")
                .and("active = :active", "active", query.active())
                .and("kind = :kind", "kind", query.kind())
                .and("id > :after", "after", page.after());
        List<CouponType> rows = CouponType.<CouponType>find(filter.where() + " order by id", filter.params())
                .page(0, page.fetchSize()).list();
        String currency = currency();
        return page.page(rows, t -> t.id, t -> view(t, currency));
    }

    public CouponTypeView get(UUID id) {
        return view(find(id), currency());
    }

    @Transactional
    public CouponTypeView create(CouponTypeCreate request) {
        String currency = currency();
        List<FieldError> errors = new ArrayList<>();
        requireCurrency(errors, "amountOff", request.amountOff(), currency);
        requireCurrency(errors, "maxDiscount", request.maxDiscount(), currency);
        requireCurrency(errors, "minSpend", request.minSpend(), currency);
        requireCurrency(errors, "faceValue", request.faceValue(), currency);
        boolean cash = request.kind() == CouponKind.CASH_VOUCHER;
        boolean percent = request.kind() == CouponKind.DISCOUNT_PERCENT;
        if (cash != (request.amountOff() != null)) {
            errors.add(new FieldError("amountOff", cash ? "is required for a cash voucher"
                    : "is for cash vouchers only"));
        } else if (cash && request.amountOff().amount() == 0) {
            errors.add(new FieldError("amountOff.amount", "must be more than zero"));
        }
        if (percent != (request.percentOff() != null)) {
            errors.add(new FieldError("percentOff", percent ? "is required for a percent discount"
                    : "is for percent discounts only"));
        }
        if (request.maxDiscount() != null && (!percent || request.maxDiscount().amount() == 0)) {
            errors.add(new FieldError("maxDiscount", percent ? "must be more than zero"
                    : "caps percent discounts only"));
        }
        if ((request.validDays() == null) == (request.validUntil() == null)) {
            errors.add(new FieldError("validDays", "send either validDays (from issue) or validUntil (a fixed window)"));
        } else if (request.validDays() != null && request.validFrom() != null) {
            errors.add(new FieldError("validFrom", "is for a fixed window; validDays count from issue"));
        } else if (request.validUntil() != null && request.validFrom() != null
                && !request.validUntil().isAfter(request.validFrom())) {
            errors.add(new FieldError("validUntil", "must be after validFrom"));
        }
        List<UUID> itemIds = request.itemIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.itemIds()));
        List<ItemCategory> categories = request.categories() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.categories()));
        if (request.allItems() != (itemIds.isEmpty() && categories.isEmpty())) {
            errors.add(new FieldError("allItems", request.allItems() ? "leave itemIds and categories empty"
                    : "name the itemIds or categories it applies to"));
        }
        var known = catalog.items(itemIds);
        for (int i = 0; i < itemIds.size(); i++) {
            if (!known.containsKey(itemIds.get(i))) {
                errors.add(new FieldError("itemIds[" + i + "]", "is not an item of this chain"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (CouponType.count("lower(code) = lower(?1)", request.code()) > 0) {
            throw ProblemException.conflict("Coupon type code '" + request.code() + "' is already used in this chain");
        }
        OffsetDateTime now = Clocks.now(clock);
        CouponType type = new CouponType();
        type.id = Ids.newId();
        type.code = request.code();
        type.name = request.name().trim();
        type.kind = request.kind();
        type.amountOff = amount(request.amountOff());
        type.percentOff = request.percentOff();
        type.maxDiscount = amount(request.maxDiscount());
        type.minSpend = request.minSpend() == null ? 0 : request.minSpend().amount();
        // A cash voucher is worth its amount to a gift budget unless the admin says otherwise.
        type.faceValue = request.faceValue() != null ? request.faceValue().amount() : cash ? type.amountOff : 0;
        type.validFrom = request.validFrom();
        type.validUntil = request.validUntil();
        type.validDays = request.validDays();
        type.stacking = request.stacking();
        type.allItems = request.allItems();
        type.itemIds = new ArrayList<>(itemIds);
        type.categories = new ArrayList<>(categories.stream().map(Enum::name).toList());
        type.active = true;
        type.createdAt = now;
        type.updatedAt = now;
        type.persistAndFlush();
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("code", type.code);
        created.put("name", type.name);
        created.put("kind", type.kind);
        created.put("amountOff", type.amountOff);
        created.put("percentOff", type.percentOff);
        created.put("faceValue", type.faceValue);
        audit.record("coupon-type.created", "coupon-type", type.id, created);
        return view(type, currency);
    }

    @Transactional
    public CouponTypeView update(UUID id, String ifMatch, CouponTypePatch patch) {
        if (patch.name == null && patch.faceValue == null && patch.stacking == null && patch.active == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        CouponType type = find(id);
        Versions.requireMatch(ifMatch, type.version);
        Changes changes = new Changes();
        if (patch.name != null && changes.track("name", type.name, patch.name.get().trim())) {
            type.name = patch.name.get().trim();
        }
        if (patch.faceValue != null) {
            List<FieldError> errors = new ArrayList<>();
            requireCurrency(errors, "faceValue", patch.faceValue.get(), currency());
            if (!errors.isEmpty()) {
                throw ProblemException.invalidFields(errors);
            }
            if (changes.track("faceValue", type.faceValue, patch.faceValue.get().amount())) {
                type.faceValue = patch.faceValue.get().amount();
            }
        }
        if (patch.stacking != null && changes.track("stacking", type.stacking, patch.stacking.get())) {
            type.stacking = patch.stacking.get();
        }
        if (patch.active != null && changes.track("active", type.active, patch.active.get())) {
            type.active = patch.active.get();
        }
        if (!changes.isEmpty()) {
            type.updatedAt = Clocks.now(clock);
            type.persistAndFlush();
            audit.record("coupon-type.updated", "coupon-type", type.id, changes.asMap());
        }
        return view(type, currency());
    }

    CouponType find(UUID id) {
        return CouponType.<CouponType>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Coupon type"));
    }

    String currency() {
        return tenants.currencyOf(caller.tenantId());
    }

    static void requireCurrency(List<FieldError> errors, String field, Money money, String currency) {
        if (money != null && !money.currency().equals(currency)) {
            errors.add(new FieldError(field + ".currency", "must be the chain's currency " + currency));
        }
    }

    private static Long amount(Money money) {
        return money == null ? null : money.amount();
    }

    static CouponTypeView view(CouponType t, String currency) {
        return new CouponTypeView(t.id, t.code, t.name, t.kind, money(t.amountOff, currency), t.percentOff,
                money(t.maxDiscount, currency), new Money(t.minSpend, currency), new Money(t.faceValue, currency),
                t.validFrom, t.validUntil, t.validDays, t.stacking, t.allItems, List.copyOf(t.itemIds),
                t.categories.stream().map(ItemCategory::valueOf).toList(), t.active, t.createdAt, t.updatedAt,
                t.version);
    }

    private static Money money(Long amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}

package app.meike.customer;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerDtos.CustomerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

/** Whole-record operations on customers: merging a duplicate into a survivor, and erasure on request (PIPL). */
@ApplicationScoped
public class CustomerRecordService {
    static final int MAX_NOTES = 2000;
    private static final List<String> ERASED_FIELDS = List.of("name", "phone", "birthDate", "occupation",
            "incomeBand", "address", "notes", "tags", "marketingConsent");

    @Inject
    CustomerService customers;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<CustomerMerged> merged;
    @Inject
    Event<CustomerErased> erased;

    /**
     * Merges the duplicate into the survivor: the survivor keeps its values and fills its blanks from the
     * duplicate, tags unite, notes are appended (they may hold allergies), the earliest first visit and purchase
     * and the latest visit win, and the duplicate's referrals move to the survivor. The duplicate stays as a
     * tombstone pointing at the survivor and gives up its phone number (see PhoneNumbers.placeholder).
     */
    @Transactional
    public CustomerView merge(UUID survivorId, String ifMatch, UUID duplicateId) {
        if (survivorId.equals(duplicateId)) {
            throw ProblemException.invalidField("duplicateId", "must be another customer than the survivor");
        }
        // Both rows are locked in id order, so two merges of the same pair (either way round) queue up instead of
        // deadlocking, and the second finds the first one's result.
        boolean survivorFirst = survivorId.compareTo(duplicateId) < 0;
        Optional<Customer> firstLocked = lock(survivorFirst ? survivorId : duplicateId);
        Optional<Customer> secondLocked = lock(survivorFirst ? duplicateId : survivorId);
        Customer survivor = (survivorFirst ? firstLocked : secondLocked)
                .orElseThrow(() -> ProblemException.notFound("Customer"));
        Customer duplicate = (survivorFirst ? secondLocked : firstLocked).orElseThrow(
                () -> ProblemException.invalidField("duplicateId", "is not a customer of this chain"));
        CustomerService.requireEditable(survivor);
        CustomerService.requireEditable(duplicate);
        Versions.requireMatch(ifMatch, survivor.version);

        OffsetDateTime now = Clocks.now(clock);
        Changes filled = fillBlanks(survivor, duplicate);
        UUID referrerBefore = survivor.referrerId;
        inheritReferrer(survivor, duplicate);
        filled.track("referrerId", referrerBefore, survivor.referrerId);
        String freedPhone = duplicate.phone;
        duplicate.phone = PhoneNumbers.placeholder(duplicate.id);
        duplicate.referrerId = null;
        duplicate.referrerAttachedAt = null;
        duplicate.referrerAttachedBy = null;
        duplicate.mergedInto = survivor.id;
        duplicate.mergedAt = now;
        duplicate.updatedAt = now;
        survivor.updatedAt = now;
        Customer.getEntityManager().flush();
        int referrals = repointReferrals(duplicate.id, survivor.id, now);

        merged.fire(new CustomerMerged(duplicate.id, survivor.id));

        Map<String, Object> survivorEntry = new LinkedHashMap<>();
        survivorEntry.put("duplicateId", duplicate.id);
        survivorEntry.put("duplicatePhone", PhoneNumbers.mask(freedPhone));
        survivorEntry.put("filled", filled.asMap());
        survivorEntry.put("referralsMoved", referrals);
        audit.record("customer.merged", "customer", survivor.id, survivorEntry);
        audit.record("customer.merged-into", "customer", duplicate.id, Map.of("survivorId", survivor.id));
        return customers.view(survivor, customers.namesOf(Collections.singletonList(survivor.referrerId)),
                now);
    }

    private static Optional<Customer> lock(UUID id) {
        return Customer.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Changes fillBlanks(Customer survivor, Customer duplicate) {
        Changes filled = new Changes();
        survivor.gender = fill(filled, "gender", survivor.gender, duplicate.gender);
        survivor.birthDate = fill(filled, "birthDate", survivor.birthDate, duplicate.birthDate);
        survivor.occupation = fill(filled, "occupation", survivor.occupation, duplicate.occupation);
        survivor.incomeBand = fill(filled, "incomeBand", survivor.incomeBand, duplicate.incomeBand);
        survivor.city = fill(filled, "city", survivor.city, duplicate.city);
        survivor.address = fill(filled, "address", survivor.address, duplicate.address);
        survivor.ownerStaffId = fill(filled, "ownerStaffId", survivor.ownerStaffId, duplicate.ownerStaffId);
        survivor.homeClinicId = fill(filled, "homeClinicId", survivor.homeClinicId, duplicate.homeClinicId);
        LinkedHashSet<String> tags = new LinkedHashSet<>(survivor.tags);
        tags.addAll(duplicate.tags);
        if (filled.track("tags", survivor.tags, new ArrayList<>(tags))) {
            survivor.tags = new ArrayList<>(tags);
        }
        String notes = appendedNotes(survivor.notes, duplicate.notes);
        if (!Objects.equals(notes, survivor.notes)) {
            // Notes may hold health information: the audit log says that they changed, not what they say.
            filled.track("notes", "(survivor's notes)", "(with the duplicate's notes)");
            survivor.notes = notes;
        }
        survivor.firstVisitAt = pick(filled, "firstVisitAt", survivor.firstVisitAt, duplicate.firstVisitAt,
                OffsetDateTime::isBefore);
        survivor.firstPurchaseAt = pick(filled, "firstPurchaseAt", survivor.firstPurchaseAt,
                duplicate.firstPurchaseAt, OffsetDateTime::isBefore);
        survivor.lastVisitAt = pick(filled, "lastVisitAt", survivor.lastVisitAt, duplicate.lastVisitAt,
                OffsetDateTime::isAfter);
        return filled;
    }

    private static <T> T fill(Changes filled, String field, T kept, T other) {
        if (kept != null || other == null) {
            return kept;
        }
        filled.track(field, null, other);
        return other;
    }

    private static OffsetDateTime pick(Changes filled, String field, OffsetDateTime kept, OffsetDateTime other,
                                       BiPredicate<OffsetDateTime, OffsetDateTime> better) {
        if (other == null || kept != null && !better.test(other, kept)) {
            return kept;
        }
        filled.track(field, kept, other);
        return other;
    }

    /** The survivor's notes, then the duplicate's (cut at the column's length, never the survivor's own). */
    static String appendedNotes(String kept, String other) {
        if (other == null || other.equals(kept)) {
            return kept;
        }
        String joined = kept == null ? other : kept + "\n" + other;
        return joined.length() <= MAX_NOTES ? joined : joined.substring(0, MAX_NOTES);
    }

    /**
     * The merged person takes the duplicate's place in the referral tree where the survivor has none: if the
     * duplicate was the survivor's referrer or one of her ancestors (she would end up her own ancestor once the
     * duplicate's referrals move to her), or if she has no referrer, she gets the duplicate's referrer, unless
     * that one descends from her.
     */
    private static void inheritReferrer(Customer survivor, Customer duplicate) {
        boolean belowDuplicate = survivor.referrerId != null
                && CustomerService.descendsFrom(survivor.referrerId, duplicate.id);
        if (survivor.referrerId != null && !belowDuplicate) {
            return;
        }
        UUID inherited = duplicate.referrerId;
        if (inherited != null && CustomerService.descendsFrom(inherited, survivor.id)) {
            inherited = null;
        }
        survivor.referrerId = inherited;
        survivor.referrerAttachedAt = inherited == null ? null : duplicate.referrerAttachedAt;
        survivor.referrerAttachedBy = inherited == null ? null : duplicate.referrerAttachedBy;
    }

    /** Customers the duplicate referred are now the survivor's referrals (a new version each). */
    private static int repointReferrals(UUID duplicateId, UUID survivorId, OffsetDateTime now) {
        return Customer.getEntityManager().createNativeQuery("update customer set referrer_id = :survivor,"
                        + " updated_at = :now, version = version + 1 where tenant_id = app_current_tenant()"
                        + " and referrer_id = :duplicate and id <> :survivor")
                .setParameter("survivor", survivorId).setParameter("duplicate", duplicateId)
                .setParameter("now", now).executeUpdate();
    }

    /**
     * Erases the customer's personal data (PIPL): the row, its id, ledgers pointing at it and its statistics
     * (visits, purchases, source, clinic, referrals) stay; what identifies or describes the person goes, on her
     * record and on the tombstones of duplicates merged into it. Erasing again changes nothing.
     */
    @Transactional
    public CustomerView erase(UUID id) {
        Customer customer = lock(id).orElseThrow(() -> ProblemException.notFound("Customer"));
        OffsetDateTime now = Clocks.now(clock);
        if (customer.erasedAt == null) {
            anonymise(customer, now);
            Customer.<Customer>list("mergedInto = ?1 and erasedAt is null", customer.id)
                    .forEach(tombstone -> anonymise(tombstone, now));
        }
        return customers.view(customer, customers.namesOf(Collections.singletonList(customer.referrerId)),
                now);
    }

    private void anonymise(Customer customer, OffsetDateTime now) {
        String hex = customer.id.toString();
        CustomerService.rename(customer, "已删除客户 #" + hex.substring(hex.length() - 8));
        customer.namePinyin = "";
        customer.nameInitials = "";
        customer.phone = PhoneNumbers.placeholder(customer.id);
        customer.birthDate = null;
        customer.occupation = null;
        customer.incomeBand = null;
        customer.address = null;
        customer.notes = null;
        customer.tags = new ArrayList<>();
        customer.marketingConsent = false;
        customer.consentChannel = null;
        customer.consentRecordedAt = now;
        customer.erasedAt = now;
        customer.updatedAt = now;
        Customer.getEntityManager().flush();
        erased.fire(new CustomerErased(customer.id));
        // Which fields were erased, never their values.
        audit.record("customer.erased", "customer", customer.id, Map.of("erasedFields", ERASED_FIELDS));
    }
}

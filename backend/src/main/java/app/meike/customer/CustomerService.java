package app.meike.customer;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.customer.Customer.CustomerSource;
import app.meike.customer.CustomerDtos.Consent;
import app.meike.customer.CustomerDtos.ConsentRecord;
import app.meike.customer.CustomerDtos.CustomerCreate;
import app.meike.customer.CustomerDtos.CustomerPatch;
import app.meike.customer.CustomerDtos.CustomerView;
import app.meike.customer.CustomerDtos.ReferrerView;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.tenancy.ChainSettingsService;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.hibernate.query.NativeQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The chain's customers: registration, search as the front desk types, and edits that keep history. */
@ApplicationScoped
public class CustomerService {
    /** Roles that may see customers' full phone numbers (customer:contact); others see them masked. */
    static final Set<String> CONTACT_ROLES = Set.of(Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT,
            Roles.FRONT_DESK, Roles.INTEGRATOR);
    private static final Pattern PHONE_QUERY = Pattern.compile("[\\d\\s\\-+]+");
    private static final int MAX_REFERRAL_DEPTH = 10_000;
    /** Audit entity type of reads and exports of the customer list (each read is its own entry). */
    static final String LIST_ENTITY = "customer-list";

    @Inject
    Caller caller;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    AuditLog audit;
    @Inject
    ChainSettingsService settings;
    @Inject
    TenantContext tenantContext;
    @Inject
    CustomerTable table;
    @Inject
    Clock clock;
    @Inject
    Event<CustomerVisited> visited;

    public record CustomerQuery(String q, Lifecycle status, String tag, UUID ownerId, CustomerSource source,
                                UUID clinicId, Integer birthdayMonth, OffsetDateTime lastVisitFrom,
                                OffsetDateTime lastVisitTo) {
        /** The filter as the audit log keeps it: phone digits searched for are masked like phones. */
        Map<String, Object> described() {
            Map<String, Object> described = new LinkedHashMap<>();
            if (q != null) {
                boolean digits = PHONE_QUERY.matcher(q).matches();
                described.put("q", digits ? PhoneNumbers.mask(q.replaceAll("\\D", "")) : q);
            }
            described.put("status", status);
            described.put("tag", tag);
            described.put("ownerId", ownerId);
            described.put("source", source);
            described.put("clinicId", clinicId);
            described.put("birthdayMonth", birthdayMonth);
            described.put("lastVisitFrom", lastVisitFrom);
            described.put("lastVisitTo", lastVisitTo);
            described.values().removeIf(Objects::isNull);
            return described;
        }
    }

    /** Orders of the customer list. By last visit, only customers who have visited are listed. */
    public enum CustomerSort {
        REGISTERED, RECENTLY_REGISTERED, RECENTLY_VISITED, LONGEST_AWAY;

        /** Paged by (last visit, id) rather than by id. */
        public boolean byLastVisit() {
            return this == RECENTLY_VISITED || this == LONGEST_AWAY;
        }
    }

    /** Lists customers; a list showing full phone numbers is audited (who, which filter, how many rows). */
    @Transactional
    public Page<CustomerView> list(CustomerQuery query, CustomerSort sort, PageRequest page) {
        OffsetDateTime now = Clocks.now(clock);
        Filter filter = filter(query, now, settings.churnWindow());
        String order = switch (sort) {
            case REGISTERED -> {
                filter.and("id > :after", "after", page.after());
                yield "id";
            }
            case RECENTLY_REGISTERED -> {
                filter.and("id < :after", "after", page.after());
                yield "id desc";
            }
            case RECENTLY_VISITED, LONGEST_AWAY -> {
                boolean newestFirst = sort == CustomerSort.RECENTLY_VISITED;
                filter.and("lastVisitAt is not null", Map.of())
                        .afterPosition("lastVisitAt", "id", page, newestFirst);
                yield newestFirst ? "lastVisitAt desc, id desc" : "lastVisitAt, id";
            }
        };
        List<Customer> rows = Customer.<Customer>find(filter.where() + " order by " + order, filter.params())
                .page(0, page.fetchSize()).list();
        Map<UUID, String> referrerNames = namesOf(rows.stream().map(c -> c.referrerId).toList());
        Function<Customer, CustomerView> toView = c -> view(c, referrerNames, now);
        Page<CustomerView> shown = sort.byLastVisit() ? page.pageByTime(rows, c -> c.lastVisitAt, c -> c.id, toView)
                : page.page(rows, c -> c.id, toView);
        if (!phonesMasked()) {
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("filter", query.described());
            read.put("sort", sort);
            read.put("rows", shown.items().size());
            audit.record("customer.list-read", LIST_ENTITY, Ids.newId(), read);
        }
        return shown;
    }

    /** The where clause of GET /customers and of exports: live customers (no merged tombstones) that match. */
    static Filter filter(CustomerQuery query, OffsetDateTime now, Duration churnWindow) {
        Filter filter = new Filter().and("mergedInto is null", Map.of());
        if (query.q() != null) {
            search(filter, query.q());
        }
        if (query.status() != null) {
            filter.and(query.status().condition(), query.status().parameters(now, churnWindow));
        }
        return filter.and("id in (select t.key.customerId from CustomerTag t where t.key.tag = :tag)", "tag",
                        query.tag())
                .and("ownerStaffId = :owner", "owner", query.ownerId())
                .and("source = :source", "source", query.source())
                .and("homeClinicId = :clinic", "clinic", query.clinicId())
                .and("birthMonth = :month", "month", query.birthdayMonth())
                .and("lastVisitAt >= :visitedFrom", "visitedFrom", query.lastVisitFrom())
                .and("lastVisitAt < :visitedTo", "visitedTo", query.lastVisitTo());
    }

    /**
     * The live, not erased customers the customer list's filters match, by id, at most `max` of them: the segment a
     * bulk action (issuing coupons) works on.
     */
    public List<UUID> idsMatching(CustomerFilterParams filters, int max) {
        Filter filter = filter(filters.query(), Clocks.now(clock), settings.churnWindow())
                .and("erasedAt is null", Map.of());
        var query = Customer.getEntityManager().createQuery("select id from Customer where " + filter.where()
                + " order by id", UUID.class).setMaxResults(max);
        filter.params().map().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Whether the caller sees phone numbers masked (roles without contact permission). */
    public boolean phonesMasked() {
        return caller.roles().stream().noneMatch(CONTACT_ROLES::contains);
    }

    /**
     * Digits find phones containing them (4 at least), through the 4-digit runs table; anything else finds
     * names starting with it, in characters, full pinyin or initials. Both are index lookups under RLS.
     */
    private static void search(Filter filter, String q) {
        if (PHONE_QUERY.matcher(q).matches()) {
            String digits = q.replaceAll("\\D", "");
            if (digits.length() < 4) {
                throw ProblemException.invalidField("q", "type at least 4 digits of a phone number");
            }
            filter.and("id in (select g.key.customerId from CustomerPhoneGram g where g.key.gram = :gram)", "gram",
                    digits.substring(0, 4));
            filter.and("phone like :phone", "phone", "%" + digits + "%");
            return;
        }
        String typed = q.toLowerCase(Locale.ROOT);
        String spelled = typed.replaceAll("\\s", "");
        filter.and("(nameKey >= :name and nameKey < :nameEnd) or (nameInitials >= :spelled"
                        + " and nameInitials < :spelledEnd) or (namePinyin >= :spelled and namePinyin < :spelledEnd)",
                Map.of("name", typed, "nameEnd", prefixEnd(typed), "spelled", spelled,
                        "spelledEnd", prefixEnd(spelled)));
    }

    /** The smallest string after every string starting with the prefix (C collation: code point order). */
    static String prefixEnd(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last))
                + new String(Character.toChars(last + 1));
    }

    public CustomerView get(UUID id) {
        Customer customer = find(id);
        return view(customer, namesOf(Collections.singletonList(customer.referrerId)), Clocks.now(clock));
    }

    @Transactional
    public CustomerView create(CustomerCreate request) {
        OffsetDateTime now = Clocks.now(clock);
        String phone = PhoneNumbers.normalize(request.phone());
        requirePhoneFree(phone, null);
        requireCustomer("referrerId", request.referrerId());
        staff.requireStaff("ownerStaffId", request.ownerStaffId());
        clinics.requireClinic("homeClinicId", request.homeClinicId());
        Customer customer = new Customer();
        customer.id = Ids.newId();
        rename(customer, request.name());
        customer.phone = phone;
        customer.gender = request.gender();
        customer.birthDate = request.birthDate();
        customer.occupation = Strings.blankToNull(request.occupation());
        customer.incomeBand = request.incomeBand();
        customer.city = Strings.blankToNull(request.city());
        customer.address = Strings.blankToNull(request.address());
        customer.source = request.source();
        if (request.referrerId() != null) {
            attachReferrer(customer, request.referrerId(), now);
        }
        customer.ownerStaffId = request.ownerStaffId();
        customer.homeClinicId = request.homeClinicId();
        customer.tags = tags(request.tags());
        customer.notes = Strings.blankToNull(request.notes());
        recordConsent(customer, request.marketingConsent() == null ? new Consent(false, null)
                : request.marketingConsent(), now);
        customer.createdAt = now;
        customer.updatedAt = now;
        customer.persistAndFlush();
        Map<String, Object> registered = new LinkedHashMap<>();
        registered.put("name", customer.name);
        registered.put("phone", PhoneNumbers.mask(customer.phone));
        registered.put("source", customer.source);
        audit.record("customer.registered", "customer", customer.id, registered);
        return view(customer, namesOf(Collections.singletonList(customer.referrerId)), now);
    }

    @Transactional
    public CustomerView update(UUID id, String ifMatch, CustomerPatch patch) {
        if (patch.name == null && patch.phone == null && patch.gender == null && patch.birthDate == null
                && patch.occupation == null && patch.incomeBand == null && patch.city == null
                && patch.address == null && patch.source == null && patch.referrerId == null
                && patch.ownerStaffId == null && patch.homeClinicId == null && patch.tags == null
                && patch.notes == null && patch.marketingConsent == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        OffsetDateTime now = Clocks.now(clock);
        Customer customer = find(id);
        requireEditable(customer);
        Versions.requireMatch(ifMatch, customer.version);
        Changes changes = new Changes();
        if (patch.name != null && changes.track("name", customer.name, patch.name.get().trim())) {
            rename(customer, patch.name.get());
        }
        if (patch.phone != null) {
            String phone = PhoneNumbers.normalize(patch.phone.get());
            if (!phone.equals(customer.phone)) {
                requirePhoneFree(phone, customer.id);
                changes.track("phone", PhoneNumbers.mask(customer.phone), PhoneNumbers.mask(phone));
                customer.phone = phone;
            }
        }
        if (patch.gender != null && changes.track("gender", customer.gender, patch.gender.orElse(null))) {
            customer.gender = patch.gender.orElse(null);
        }
        if (patch.birthDate != null && changes.track("birthDate", customer.birthDate, patch.birthDate.orElse(null))) {
            customer.birthDate = patch.birthDate.orElse(null);
        }
        if (patch.occupation != null) {
            String occupation = Strings.blankToNull(patch.occupation.orElse(null));
            if (changes.track("occupation", customer.occupation, occupation)) {
                customer.occupation = occupation;
            }
        }
        if (patch.incomeBand != null
                && changes.track("incomeBand", customer.incomeBand, patch.incomeBand.orElse(null))) {
            customer.incomeBand = patch.incomeBand.orElse(null);
        }
        if (patch.city != null) {
            String city = Strings.blankToNull(patch.city.orElse(null));
            if (changes.track("city", customer.city, city)) {
                customer.city = city;
            }
        }
        if (patch.address != null) {
            String address = Strings.blankToNull(patch.address.orElse(null));
            if (changes.track("address", customer.address, address)) {
                customer.address = address;
            }
        }
        if (patch.source != null && changes.track("source", customer.source, patch.source.get())) {
            customer.source = patch.source.get();
        }
        if (patch.referrerId != null && !patch.referrerId.get().equals(customer.referrerId)) {
            if (customer.referrerId != null) {
                throw ProblemException.conflict("This customer's referrer is already recorded");
            }
            lockReferralTree(); // before any other customer is read: the cycle check must see committed referrers
            requireCustomer("referrerId", patch.referrerId.get());
            requireNoReferralCycle(customer.id, patch.referrerId.get());
            changes.track("referrerId", null, patch.referrerId.get());
            attachReferrer(customer, patch.referrerId.get(), now);
        }
        if (patch.ownerStaffId != null) {
            staff.requireStaff("ownerStaffId", patch.ownerStaffId.orElse(null));
            if (changes.track("ownerStaffId", customer.ownerStaffId, patch.ownerStaffId.orElse(null))) {
                customer.ownerStaffId = patch.ownerStaffId.orElse(null);
            }
        }
        if (patch.homeClinicId != null) {
            clinics.requireClinic("homeClinicId", patch.homeClinicId.orElse(null));
            if (changes.track("homeClinicId", customer.homeClinicId, patch.homeClinicId.orElse(null))) {
                customer.homeClinicId = patch.homeClinicId.orElse(null);
            }
        }
        if (patch.tags != null) {
            List<String> tags = tags(patch.tags.get());
            if (changes.track("tags", customer.tags, tags)) {
                customer.tags = tags;
            }
        }
        if (patch.notes != null) {
            String notes = Strings.blankToNull(patch.notes.orElse(null));
            // Notes may hold health information: the audit log says that they changed, not what they say.
            if (!Objects.equals(customer.notes, notes)) {
                changes.track("notes", "(earlier notes)", notes == null ? null : "(new notes)");
                customer.notes = notes;
            }
        }
        if (patch.marketingConsent != null) {
            Consent consent = patch.marketingConsent.get();
            if (changes.track("marketingConsent", customer.marketingConsent, consent.granted())) {
                recordConsent(customer, consent, now);
            }
        }
        if (!changes.isEmpty()) {
            customer.updatedAt = now;
            customer.persistAndFlush();
            audit.record("customer.updated", "customer", customer.id, changes.asMap());
        }
        return view(customer, namesOf(Collections.singletonList(customer.referrerId)), now);
    }

    /** The customer a walk-in's phone belongs to, or a new one registered from the desk's form. */
    public record WalkIn(UUID customerId, boolean registered) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public WalkIn findOrRegister(CustomerCreate request) {
        return Customer.<Customer>find("phone", PhoneNumbers.normalize(request.phone())).firstResultOptional()
                .map(existing -> new WalkIn(existing.id, false))
                .orElseGet(() -> new WalkIn(create(request).id(), true));
    }

    /**
     * A visit moves her first and last visit times. The system fields change without a new version, so staff
     * editing her profile at the desk are not told someone else changed it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordVisit(UUID customerId, OffsetDateTime at) {
        Customer.getEntityManager().createNativeQuery("UPDATE customer SET first_visit_at = least(first_visit_at, :at),"
                        + " last_visit_at = greatest(last_visit_at, :at) WHERE tenant_id = :tenant AND id = :id")
                .setParameter("at", at)
                .setParameter("tenant", caller.tenantId())
                .setParameter("id", customerId)
                .executeUpdate();
        visited.fire(new CustomerVisited(customerId, at));
    }

    /** 404 unless the id is one of the chain's customers (merged and erased ones included: their records stay). */
    public void requireKnown(UUID id) {
        if (Customer.count("id", id) == 0) {
            throw ProblemException.notFound("Customer");
        }
    }

    /**
     * A paid order: the first one starts her member year. Only a purchase before her first writes the row: later
     * ones (nearly all) neither lock it nor leave a dead row version behind.
     */
    public void recordPurchase(UUID customerId, OffsetDateTime at) {
        Customer.getEntityManager().createNativeQuery("UPDATE customer SET first_purchase_at = :at WHERE tenant_id"
                        + " = :tenant AND id = :id AND (first_purchase_at IS NULL OR first_purchase_at > :at)")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(Customer.class)
                .setParameter("at", at)
                .setParameter("tenant", caller.tenantId())
                .setParameter("id", customerId)
                .executeUpdate();
    }

    private void requirePhoneFree(String phone, UUID except) {
        Customer.<Customer>find("phone", phone).firstResultOptional()
                .filter(holder -> !holder.id.equals(except))
                .ifPresent(holder -> {
                    throw ProblemException.conflict("Phone " + PhoneNumbers.mask(phone) + " belongs to customer "
                            + holder.name + " (" + holder.id + ")");
                });
    }

    /**
     * Fails with a 400 naming the field unless the id is a live customer of the caller's chain: not merged into
     * another, not erased (null passes).
     */
    public void requireCustomer(String field, UUID id) {
        if (id == null) {
            return;
        }
        Customer customer = Customer.<Customer>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalidField(field, "is not a customer of this chain"));
        if (customer.mergedInto != null) {
            throw ProblemException.invalidField(field, "was merged into customer " + customer.mergedInto);
        }
        if (customer.erasedAt != null) {
            throw ProblemException.invalidField(field, "was erased at her request");
        }
    }

    /** A customer can never be her own ancestor in the referral tree. */
    private static void requireNoReferralCycle(UUID customerId, UUID referrerId) {
        if (descendsFrom(referrerId, customerId)) {
            throw ProblemException.invalidField("referrerId",
                    "would make this customer her own referrer's ancestor (a referral cycle)");
        }
    }

    /** Whether the ancestor is the customer herself or anyone up her referral chain. */
    static boolean descendsFrom(UUID customerId, UUID ancestorId) {
        UUID ancestor = customerId;
        for (int depth = 0; ancestor != null && depth < MAX_REFERRAL_DEPTH; depth++) {
            if (ancestor.equals(ancestorId)) {
                return true;
            }
            ancestor = Customer.<Customer>findByIdOptional(ancestor).map(c -> c.referrerId).orElse(null);
        }
        return false;
    }

    /** Merged tombstones and erased customers are kept as they are: a 409 for any change. */
    static void requireEditable(Customer customer) {
        if (customer.erasedAt != null) {
            throw ProblemException.conflict("This customer's personal data was erased; the record can no longer"
                    + " be changed");
        }
        if (customer.mergedInto != null) {
            throw ProblemException.conflict("This customer was merged into customer " + customer.mergedInto
                    + "; change that one instead");
        }
    }

    void attachReferrer(Customer customer, UUID referrerId, OffsetDateTime now) {
        customer.referrerId = referrerId;
        customer.referrerAttachedAt = now;
        customer.referrerAttachedBy = caller.userId();
    }

    static void recordConsent(Customer customer, Consent consent, OffsetDateTime now) {
        customer.marketingConsent = consent.granted();
        customer.consentChannel = Strings.blankToNull(consent.channel());
        customer.consentRecordedAt = now;
    }

    static void rename(Customer customer, String name) {
        customer.name = name.trim();
        customer.nameKey = nameKey(customer.name);
        PinyinNames.Spelling spelling = PinyinNames.of(customer.name);
        customer.namePinyin = spelling.full();
        customer.nameInitials = spelling.initials();
    }

    /** The name as prefix searches compare it. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static List<String> tags(List<String> tags) {
        return tags == null ? new ArrayList<>()
                : new ArrayList<>(tags.stream().map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static Customer find(UUID id) {
        return Customer.<Customer>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Customer"));
    }

    /** A customer as another feature's import finds her: by her phone (as stored), or by the id it found before. */
    public record CustomerRef(UUID id, String name, String phone, UUID mergedInto, boolean erased) {
    }

    /** The chain's customers holding these phones (as PhoneNumbers stores them), by phone. */
    public Map<String, CustomerRef> byPhones(Collection<String> phones) {
        Map<String, CustomerRef> found = new HashMap<>();
        table.byPhones(phones).forEach((phone, c) -> found.put(phone, new CustomerRef(c.id(), c.name(), phone, null,
                false)));
        return found;
    }

    /** The chain's customers by id, merged and erased ones too (their phones are gone, their rows stay). */
    public Map<UUID, CustomerRef> byIds(Collection<UUID> ids) {
        Map<UUID, CustomerRef> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Customer.<Customer>list("id in ?1", Set.copyOf(ids)).forEach(c -> found.put(c.id, new CustomerRef(c.id,
                    c.name, c.phone, c.mergedInto, c.erasedAt != null)));
        }
        return found;
    }

    /** Customer names by id, for calendars and lists of other features. */
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, String> names = new HashMap<>();
        if (!wanted.isEmpty()) {
            Customer.<Customer>find("id in ?1", wanted).project(CustomerName.class).list()
                    .forEach(n -> names.put(n.id(), n.name()));
        }
        return names;
    }

    public record CustomerName(UUID id, String name) {
    }

    /**
     * Sets or changes her referrer under a lock of the chain's referral tree (two changes at once cannot close a
     * cycle between them), audited; answers the referrer she had before (null for none). The referral feature decides
     * whether a change is still allowed and records its evidence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID changeReferrer(UUID customerId, UUID referrerId) {
        lockReferralTree();
        Customer customer = Customer.<Customer>findByIdOptional(customerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Customer"));
        requireEditable(customer);
        UUID previous = customer.referrerId;
        if (referrerId.equals(previous)) {
            return previous;
        }
        requireCustomer("referrerId", referrerId);
        requireNoReferralCycle(customer.id, referrerId);
        OffsetDateTime now = Clocks.now(clock);
        attachReferrer(customer, referrerId, now);
        customer.updatedAt = now;
        customer.persistAndFlush();
        Changes changes = new Changes();
        changes.track("referrerId", previous, referrerId);
        audit.record("customer.referrer-changed", "customer", customer.id, changes.asMap());
        return previous;
    }

    /** One referrer change at a time per chain: two at once could each pass the cycle check and close a cycle. */
    private void lockReferralTree() {
        Customer.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "referral-tree:" + tenantContext.tenantId()).getSingleResult();
    }

    /** Her referrer (null for none); another chain's or an unknown id is a 404. */
    public UUID referrerOf(UUID customerId) {
        return find(customerId).referrerId;
    }

    /** The customers these referred, for referral trees. */
    public List<Referee> refereesOf(Collection<UUID> referrerIds) {
        return referrerIds.isEmpty() ? List.of()
                : Customer.<Customer>find("referrerId in ?1 order by referrerAttachedAt, id", Set.copyOf(referrerIds))
                .project(Referee.class).list();
    }

    public record Referee(UUID id, String name, UUID referrerId, OffsetDateTime referrerAttachedAt) {
    }

    CustomerView view(Customer c, Map<UUID, String> referrerNames, OffsetDateTime now) {
        boolean masked = phonesMasked();
        ReferrerView referrer = c.referrerId == null ? null
                : new ReferrerView(c.referrerId, referrerNames.get(c.referrerId), c.referrerAttachedAt,
                c.referrerAttachedBy);
        return new CustomerView(c.id, c.name, masked ? PhoneNumbers.mask(c.phone) : c.phone, masked, c.gender,
                c.birthDate, c.occupation, c.incomeBand, c.city, c.address, c.source, referrer, c.ownerStaffId,
                c.homeClinicId, List.copyOf(c.tags), c.notes,
                new ConsentRecord(c.marketingConsent, c.consentChannel, c.consentRecordedAt), c.firstVisitAt,
                c.firstPurchaseAt, c.lastVisitAt, Lifecycle.of(c, now, settings.churnWindow()), c.mergedInto, c.erasedAt, c.createdAt,
                c.updatedAt, c.version);
    }

    /** Who looks after a customer, for work about her done by other features (follow-ups). */
    public record CustomerCare(UUID id, UUID ownerStaffId, UUID homeClinicId, LocalDate birthDate,
                               OffsetDateTime lastVisitAt) {
    }

    /** Live customers (neither merged nor erased) among the ids. */
    public Map<UUID, CustomerCare> careOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return cares(Customer.list("id in ?1 and mergedInto is null and erasedAt is null", ids));
    }

    /** Live customers whose birthday is one of these days of the year. */
    public List<CustomerCare> withBirthdayOn(Collection<MonthDay> days) {
        List<Integer> keys = days.stream().map(d -> d.getMonthValue() * 100 + d.getDayOfMonth()).toList();
        return List.copyOf(cares(Customer.list("birthDate is not null and mergedInto is null and erasedAt is null"
                + " and month(birthDate) * 100 + day(birthDate) in ?1", keys)).values());
    }

    /** Live customers whose last visit was in (from, to]. */
    public List<CustomerCare> lastVisitedBetween(OffsetDateTime from, OffsetDateTime to) {
        return List.copyOf(cares(Customer.list("lastVisitAt > ?1 and lastVisitAt <= ?2 and mergedInto is null"
                + " and erasedAt is null", from, to)).values());
    }

    private static Map<UUID, CustomerCare> cares(List<Customer> customers) {
        Map<UUID, CustomerCare> cares = new LinkedHashMap<>();
        customers.forEach(c -> cares.put(c.id, new CustomerCare(c.id, c.ownerStaffId, c.homeClinicId, c.birthDate,
                c.lastVisitAt)));
        return cares;
    }
}

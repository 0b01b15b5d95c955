package app.meike.identity;

import app.meike.common.persistence.Filter;
import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.problem.ProblemException;
import app.meike.identity.KeycloakLogins.Login;
import app.meike.identity.StaffDtos.Colleague;
import app.meike.identity.StaffDtos.StaffCreate;
import app.meike.identity.StaffDtos.StaffCreated;
import app.meike.identity.StaffDtos.StaffPatch;
import app.meike.identity.StaffDtos.StaffView;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Staff of a chain, each with a Keycloak login that follows their roles, clinics and status. */
@ApplicationScoped
public class StaffService {
    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    ClinicService clinics;
    @Inject
    KeycloakLogins logins;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What the access gate needs to know about a signed-in user of the current chain. */
    public record StaffAccess(UUID staffId, String displayName, Set<String> roles, boolean active,
                              boolean allClinics, Set<UUID> clinicIds) {
    }

    /** A staff member to create, already validated. */
    public record NewStaff(String username, String email, String displayName, String phone, List<String> roles,
                           boolean allClinics, List<UUID> clinicIds) {
    }

    /** Fails with a 400 naming the field unless the id is a staff member of the caller's chain (null passes). */
    public void requireStaff(String field, UUID id) {
        if (id != null && Staff.count("id", id) == 0) {
            throw ProblemException.invalidField(field, "is not a staff member of this chain");
        }
    }

    /**
     * Fails with a 400 naming the field unless the id is an active staff member of the chain who may work at
     * the clinic: the one a customer is booked with or seen by.
     */
    public void requireStaffAt(String field, UUID id, UUID clinicId) {
        Staff staff = Staff.<Staff>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalidField(field, "is not a staff member of this chain"));
        if (!staff.active) {
            throw ProblemException.invalidField(field, "is disabled");
        }
        if (!staff.allClinics && !clinicIdsOf(id).contains(clinicId)) {
            throw ProblemException.invalidField(field, "does not work at this clinic");
        }
    }

    /**
     * An active manager who works at the clinic, whoever asks (work without a staff caller, a customer's survey,
     * assigns to it): one of that clinic's own before a chain-wide one, the longest-serving first (ids are time-ordered).
     */
    public Optional<UUID> firstManagerAt(UUID clinicId) {
        return Staff.<Staff>find("from Staff s where s.active = true and array_contains(s.roles, ?1) and"
                        + " (s.allClinics = false and exists (from StaffClinic sc where sc.key.staffId = s.id"
                        + " and sc.key.clinicId = ?2) or s.allClinics = true) order by s.allClinics, s.id",
                Roles.MANAGER, clinicId).firstResultOptional().map(s -> s.id);
    }

    /** Staff display names by id, for labels in calendars and reports. */
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Staff.<Staff>find("id in ?1", Set.copyOf(ids)).project(StaffName.class).list().stream()
                .collect(Collectors.toMap(StaffName::id, StaffName::displayName));
    }

    public record StaffName(UUID id, String displayName) {
    }

    /** The ids of the staff members with these usernames (lower case), for files that name staff by login. */
    public Map<String, UUID> idsByUsername(Collection<String> usernames) {
        return usernames.isEmpty() ? Map.of() : Staff.<Staff>find("username in ?1", usernames).list().stream()
                .collect(Collectors.toMap(s -> s.username, s -> s.id));
    }

    /** The usernames of these staff members, by id. */
    public Map<UUID, String> usernamesOf(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : Staff.<Staff>find("id in ?1", ids).list().stream()
                .collect(Collectors.toMap(s -> s.id, s -> s.username));
    }

    public Page<StaffView> list(String q, String role, UUID clinicId, Boolean active, PageRequest page) {
        String worksIn = "s.allClinics = true or exists (from StaffClinic sc where sc.key.staffId = s.id"
                + " and sc.key.clinicId in :%s)";
        Filter filter = new Filter()
                .containing(q, "s.displayName", "s.username", "s.email")
                .and("array_contains(s.roles, :role)", "role", role)
                .and(worksIn.formatted("clinicId"), "clinicId", clinicId == null ? null : Set.of(clinicId))
                // A manager limited to some clinics sees the people who may work there.
                .and(worksIn.formatted("mine"), "mine", caller.clinicFilter())
                .and("s.active = :active", "active", active)
                .and("s.id > :after", "after", page.after());
        List<Staff> rows = Staff.<Staff>find("from Staff s where " + filter.where() + " order by s.id",
                filter.params()).page(0, page.fetchSize()).list();
        Map<UUID, List<UUID>> clinicsByStaff = clinicIdsOf(rows.stream().map(s -> s.id).toList());
        return page.page(rows, s -> s.id, s -> view(s, clinicsByStaff.getOrDefault(s.id, List.of())));
    }

    /** Active colleagues, limited like the staff list to those who may work in the caller's clinics. */
    public Page<Colleague> directory(String q, String role, UUID clinicId, PageRequest page) {
        Page<StaffView> active = list(q, role, clinicId, true, page);
        return new Page<>(active.items().stream()
                .map(s -> new Colleague(s.id(), s.displayName(), s.roles(), s.allClinics(), s.clinicIds()))
                .toList(), active.nextCursor());
    }

    public StaffView get(UUID id) {
        Staff staff = find(id);
        if (!mayManage(staff) && !staff.id.equals(caller.staffId())) {
            throw ProblemException.notFound("Staff member");
        }
        return view(staff, clinicIdsOf(staff.id));
    }

    public StaffCreated create(StaffCreate request) {
        NewStaff staff = new NewStaff(request.username(), request.email().trim(), request.displayName().trim(),
                Strings.blankToNull(request.phone()), distinct(request.roles()), request.allClinics(),
                request.clinicIds() == null ? List.of() : distinct(request.clinicIds()));
        requireClinicChoice(staff.roles(), staff.allClinics(), staff.clinicIds());
        if (Staff.count("lower(username) = lower(?1) or lower(email) = lower(?2)", staff.username(),
                staff.email()) > 0) {
            throw ProblemException.conflict(KeycloakLogins.TAKEN);
        }
        return provision(staff, (userId, password) ->
                QuarkusTransaction.requiringNew().call(() -> new StaffCreated(insert(staff, userId), password)));
    }

    /**
     * Creates the Keycloak login first, then runs the given database work; if that fails, the login is removed
     * again so no orphan login can sign in.
     */
    public <T> T provision(NewStaff staff, BiFunction<String, String, T> thenInDatabase) {
        String password = KeycloakLogins.newPassword();
        String userId = logins.create(login(staff), password);
        try {
            return thenInDatabase.apply(userId, password);
        } catch (RuntimeException e) {
            logins.delete(userId);
            throw e;
        }
    }

    /** Inserts the staff record for an already provisioned login, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StaffView insert(NewStaff request, String userId) {
        OffsetDateTime now = Clocks.now(clock);
        Staff staff = new Staff();
        staff.id = Ids.newId();
        staff.userId = userId;
        staff.username = request.username();
        staff.email = request.email();
        staff.displayName = request.displayName();
        staff.phone = request.phone();
        staff.roles = new ArrayList<>(request.roles());
        staff.allClinics = request.allClinics();
        staff.active = true;
        staff.createdAt = now;
        staff.updatedAt = now;
        staff.persist();
        List<UUID> clinicIds = request.allClinics() ? List.of() : request.clinicIds();
        clinicIds.forEach(clinicId -> StaffClinic.of(staff.id, clinicId).persist());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("username", staff.username);
        created.put("roles", staff.roles);
        created.put("allClinics", staff.allClinics);
        created.put("clinicIds", clinicIds);
        audit.record("staff.created", "staff", staff.id, created);
        return view(staff, clinicIds);
    }

    @Transactional
    public StaffView update(UUID id, String ifMatch, StaffPatch patch) {
        if (patch.email == null && patch.displayName == null && patch.phone == null && patch.roles == null
                && patch.allClinics == null && patch.clinicIds == null && patch.active == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        Staff staff = find(id);
        Versions.requireMatch(ifMatch, staff.version);
        List<UUID> currentClinics = clinicIdsOf(staff.id);
        Changes changes = new Changes();
        if (patch.email != null) {
            String email = patch.email.get().trim();
            if (!email.equalsIgnoreCase(staff.email)
                    && Staff.count("lower(email) = lower(?1) and id <> ?2", email, staff.id) > 0) {
                throw ProblemException.conflict(KeycloakLogins.TAKEN);
            }
            if (changes.track("email", staff.email, email)) {
                staff.email = email;
            }
        }
        if (patch.displayName != null && changes.track("displayName", staff.displayName,
                patch.displayName.get().trim())) {
            staff.displayName = patch.displayName.get().trim();
        }
        if (patch.phone != null) {
            String phone = Strings.blankToNull(patch.phone.orElse(null));
            if (changes.track("phone", staff.phone, phone)) {
                staff.phone = phone;
            }
        }
        if (patch.roles != null) {
            List<String> roles = distinct(patch.roles.get());
            if (changes.track("roles", new TreeSet<>(staff.roles), new TreeSet<>(roles))) {
                staff.roles = new ArrayList<>(roles);
            }
        }
        boolean allClinics = patch.allClinics != null ? patch.allClinics.get() : staff.allClinics;
        List<UUID> clinicIds = patch.clinicIds != null ? distinct(patch.clinicIds.get())
                : allClinics ? List.of() : currentClinics;
        requireClinicChoice(staff.roles, allClinics, clinicIds);
        changes.track("allClinics", staff.allClinics, allClinics);
        staff.allClinics = allClinics;
        boolean clinicsChanged = changes.track("clinicIds", new TreeSet<>(currentClinics), new TreeSet<>(clinicIds));
        String action = "staff.updated";
        if (patch.active != null && changes.track("active", staff.active, patch.active.get())) {
            staff.active = patch.active.get();
            action = staff.active ? "staff.enabled" : "staff.disabled";
        }
        if (changes.isEmpty()) {
            return view(staff, currentClinics);
        }
        requireNoSelfLockout(staff);
        staff.updatedAt = Clocks.now(clock);
        // The version-checked row first: a concurrent edit fails here (412) before any clinic link is written.
        staff.persistAndFlush();
        if (clinicsChanged) {
            replaceClinics(staff.id, currentClinics, clinicIds);
        }
        audit.record(action, "staff", staff.id, changes.asMap());
        if (staff.userId != null) {
            Runnable undo = logins.update(staff.userId, new Login(staff.username, staff.email, staff.displayName,
                    caller.tenantId(), staff.roles, clinicIds, staff.active));
            transactions.registerInterposedSynchronization(new UndoUnlessCommitted(undo));
        }
        return view(staff, clinicIds);
    }

    /** Puts the Keycloak login back when the staff change it followed does not commit. */
    private record UndoUnlessCommitted(Runnable undo) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                undo.run();
            }
        }
    }

    private void requireNoSelfLockout(Staff staff) {
        if (staff.id.equals(caller.staffId()) && (!staff.active || !staff.roles.contains(Roles.TENANT_ADMIN))) {
            throw ProblemException.conflict("You cannot disable yourself or remove your own tenant-admin role;"
                    + " ask another tenant admin");
        }
    }

    private void replaceClinics(UUID staffId, List<UUID> current, List<UUID> wanted) {
        Set<UUID> keep = Set.copyOf(wanted);
        for (UUID clinicId : current) {
            if (!keep.contains(clinicId)) {
                StaffClinic.<StaffClinic>findByIdOptional(new StaffClinic.Key(staffId, clinicId))
                        .ifPresent(StaffClinic::delete);
            }
        }
        Set<UUID> had = Set.copyOf(current);
        wanted.stream().filter(id -> !had.contains(id)).forEach(id -> StaffClinic.of(staffId, id).persist());
    }

    private boolean mayManage(Staff staff) {
        if (caller.hasRole(Roles.TENANT_ADMIN)) {
            return true;
        }
        return caller.hasRole(Roles.MANAGER) && (caller.allClinics() || staff.allClinics
                || clinicIdsOf(staff.id).stream().anyMatch(caller.clinicIds()::contains));
    }

    private Staff find(UUID id) {
        return Staff.<Staff>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Staff member"));
    }

    private List<UUID> clinicIdsOf(UUID staffId) {
        return clinicIdsOf(List.of(staffId)).getOrDefault(staffId, List.of());
    }

    private Map<UUID, List<UUID>> clinicIdsOf(List<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        return StaffClinic.<StaffClinic>find("key.staffId in ?1", staffIds).list().stream()
                .map(link -> link.key)
                .sorted(Comparator.comparing(StaffClinic.Key::clinicId))
                .collect(Collectors.groupingBy(StaffClinic.Key::staffId,
                        Collectors.mapping(StaffClinic.Key::clinicId, Collectors.toList())));
    }

    private Login login(NewStaff staff) {
        return new Login(staff.username(), staff.email(), staff.displayName(), tenantContext.tenantId(),
                staff.roles(), staff.allClinics() ? List.of() : staff.clinicIds(), true);
    }

    private static StaffView view(Staff s, List<UUID> clinicIds) {
        return new StaffView(s.id, s.userId, s.username, s.email, s.displayName, s.phone, List.copyOf(s.roles),
                s.allClinics, s.allClinics ? List.of() : clinicIds, s.active, s.createdAt, s.updatedAt, s.version);
    }

    private void requireClinicChoice(List<String> roles, boolean allClinics, List<UUID> clinicIds) {
        if (!allClinics && roles.contains(Roles.TENANT_ADMIN)) {
            throw ProblemException.invalidField("allClinics", "a tenant admin works for every clinic of the chain");
        }
        clinics.requireClinicChoice(allClinics, clinicIds);
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}

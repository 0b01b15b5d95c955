package app.meike.visit;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.catalog.CatalogService.ItemRef;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.Versions;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.Problem;
import app.meike.common.problem.ProblemException;
import app.meike.customer.CustomerService;
import app.meike.customer.TimelineSource;
import app.meike.identity.Caller;
import app.meike.identity.Roles;
import app.meike.identity.StaffService;
import app.meike.visit.Consultation.Outcome;
import app.meike.visit.ConsultationDtos.ConsultationCreate;
import app.meike.visit.ConsultationDtos.ConsultationPatch;
import app.meike.visit.ConsultationDtos.ConsultationView;
import app.meike.visit.ConsultationDtos.NeedInput;
import app.meike.visit.ConsultationDtos.NeedView;
import app.meike.visit.ConsultationDtos.OutcomeInput;
import app.meike.visit.ConsultationDtos.SuggestedItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Consultations and their design assessments (美学设计评估). The items a consultant suggests are kept per need:
 * they decide later whether a sale was seeded by her, and so whether it counts as second development (二开).
 */
@ApplicationScoped
public class ConsultationService implements TimelineSource {
    /** Roles that read consultations (health-related): others see that one happened, not what it was about. */
    static final Set<String> READERS = Set.of(Roles.TENANT_ADMIN, Roles.MANAGER, Roles.CONSULTANT, Roles.CLINICIAN);

    @Inject
    Caller caller;
    @Inject
    CustomerService customers;
    @Inject
    StaffService staff;
    @Inject
    CatalogService catalog;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<ConsultationOutcomeRecorded> outcomes;

    public record ConsultationQuery(UUID customerId, UUID consultantId, UUID clinicId, UUID visitId, Outcome outcome,
                                    OffsetDateTime from, OffsetDateTime to) {
    }

    /** Consultations newest first, at the caller's clinics. */
    public Page<ConsultationView> list(ConsultationQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .and("customerId = :customer", "customer", query.customerId())
                .and("consultantId = :consultant", "consultant", query.consultantId())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("visitId = :visit", "visit", query.visitId())
                .and("outcome = :outcome", "outcome", query.outcome())
                .and("consultedAt >= :from", "from", query.from())
                .and("consultedAt < :to", "to", query.to())
                .afterPosition("consultedAt", "id", page, true);
        List<Consultation> rows = Consultation.<Consultation>find(filter.where() + " order by consultedAt desc, id desc",
                filter.params()).page(0, page.fetchSize()).list();
        Map<Consultation, ConsultationView> views = views(rows);
        return page.pageByTime(rows, c -> c.consultedAt, c -> c.id, views::get);
    }

    public ConsultationView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public ConsultationView create(ConsultationCreate request) {
        OffsetDateTime now = Clocks.now(clock);
        Visit visit = Visit.<Visit>findByIdOptional(request.visitId())
                .filter(v -> caller.mayWorkIn(v.clinicId))
                .orElseThrow(() -> ProblemException.invalidField("visitId", "is not a visit at your clinics"));
        UUID consultantId = request.consultantId() != null ? request.consultantId() : caller.staffId();
        if (consultantId == null) {
            throw ProblemException.invalidField("consultantId", "name the consultant");
        }
        staff.requireStaffAt("consultantId", consultantId, visit.clinicId);
        OffsetDateTime consultedAt = request.consultedAt() != null ? request.consultedAt()
                : visit.checkedOutAt == null ? now : visit.checkedInAt;
        if (consultedAt.isBefore(visit.checkedInAt)) {
            throw ProblemException.invalidField("consultedAt", "must not be before the visit's check-in at "
                    + visit.checkedInAt);
        }
        List<NeedInput> needs = request.needs() == null ? List.of() : request.needs();
        requireNeeds(needs, visit.clinicId);
        Consultation consultation = new Consultation();
        consultation.id = Ids.newId();
        consultation.visitId = visit.id;
        consultation.customerId = visit.customerId;
        consultation.clinicId = visit.clinicId;
        consultation.consultantId = consultantId;
        consultation.consultedAt = consultedAt;
        consultation.summary = Strings.blankToNull(request.summary());
        recordOutcome(consultation, request.outcome() == null ? new OutcomeInput(Outcome.PENDING, null, null)
                : request.outcome(), now);
        consultation.createdAt = now;
        consultation.updatedAt = now;
        consultation.persist();
        writeNeeds(consultation.id, needs);
        Consultation.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("visitId", visit.id);
        details.put("customerId", visit.customerId);
        details.put("consultantId", consultantId);
        details.put("needs", needs.size());
        details.put("outcome", consultation.outcome);
        audit.record("consultation.recorded", "consultation", consultation.id, details);
        if (consultation.outcome != Outcome.PENDING) {
            outcomeRecorded(consultation, now);
        }
        return view(consultation);
    }

    @Transactional
    public ConsultationView update(UUID id, String ifMatch, ConsultationPatch patch) {
        if (patch.consultantId == null && patch.summary == null && patch.needs == null && patch.outcome == null) {
            throw ProblemException.invalidField("body", "send at least one field to change");
        }
        OffsetDateTime now = Clocks.now(clock);
        Consultation consultation = find(id);
        Versions.requireMatch(ifMatch, consultation.version);
        Changes changes = new Changes();
        if (patch.consultantId != null && !patch.consultantId.get().equals(consultation.consultantId)) {
            staff.requireStaffAt("consultantId", patch.consultantId.get(), consultation.clinicId);
            changes.track("consultantId", consultation.consultantId, patch.consultantId.get());
            consultation.consultantId = patch.consultantId.get();
        }
        if (patch.summary != null) {
            String summary = Strings.blankToNull(patch.summary.orElse(null));
            // Free text may hold health information: the audit log says that it changed, not what it says.
            if (!Objects.equals(consultation.summary, summary)) {
                changes.track("summary", consultation.summary == null ? null : "(earlier summary)",
                        summary == null ? null : "(new summary)");
                consultation.summary = summary;
            }
        }
        if (patch.needs != null) {
            List<NeedInput> needs = patch.needs.get();
            requireNeeds(needs, consultation.clinicId);
            if (!sameNeeds(needsOf(List.of(consultation.id)).getOrDefault(consultation.id, List.of()), needs)) {
                // The assessment may hold health information: the audit log says that it changed, not what it says.
                changes.track("needs", "(earlier assessment)", "(new assessment)");
                replaceNeeds(consultation.id, needs);
            }
        }
        if (patch.outcome != null) {
            OutcomeInput outcome = patch.outcome.get();
            boolean changed = changes.track("outcome", consultation.outcome, outcome.outcome())
                    | changes.track("reason", consultation.reason, outcome.reason())
                    | changes.track("outcomeNote", consultation.outcomeNote, Strings.blankToNull(outcome.note()));
            if (changed) {
                recordOutcome(consultation, outcome, now);
                outcomeRecorded(consultation, now);
            }
        }
        if (!changes.isEmpty()) {
            consultation.updatedAt = now;
            consultation.persistAndFlush();
            audit.record("consultation.updated", "consultation", consultation.id, changes.asMap());
        }
        return view(consultation);
    }

    /** Who first consulted the customer, and the items she suggested to her: selling those is not 二开. */
    public record Seeding(UUID firstConsultantId, Set<UUID> suggestedItemIds) {
        public static final Seeding NONE = new Seeding(null, Set.of());
    }

    public Seeding seedingOf(UUID customerId) {
        return Consultation.<Consultation>find("customerId = ?1 order by consultedAt, id", customerId).firstResultOptional()
                .map(first -> new Seeding(first.consultantId, Set.copyOf(Consultation.getEntityManager()
                        .createQuery("select s.key.itemId from ConsultationSuggestion s, Consultation c"
                                + " where c.id = s.key.consultationId and c.customerId = :customer"
                                + " and c.consultantId = :consultant", UUID.class)
                        .setParameter("customer", customerId)
                        .setParameter("consultant", first.consultantId)
                        .getResultList())))
                .orElse(Seeding.NONE);
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("consultedAt", "id", page, true);
        List<Consultation> rows = Consultation.<Consultation>find(filter.where()
                + " order by consultedAt desc, id desc", filter.params()).page(0, page.fetchSize()).list();
        boolean reader = caller.roles().stream().anyMatch(READERS::contains);
        Map<UUID, List<NeedView>> needs = reader ? needsOf(rows.stream().map(c -> c.id).toList()) : Map.of();
        return rows.stream()
                .map(c -> new TimelineEntry(c.id, TimelineEntry.Kind.CONSULTATION, c.consultedAt, c.clinicId,
                        c.consultantId, c.outcome.name(), reader ? needs.getOrDefault(c.id, List.of()).stream()
                        .map(NeedView::concern).collect(Collectors.joining(" · ")) : null, c.visitId))
                .toList();
    }

    /** Ranks are 1 to 3, each once; suggested items are active items of the catalog offered at the clinic. */
    private void requireNeeds(List<NeedInput> needs, UUID clinicId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<Integer> ranks = new HashSet<>();
        Set<UUID> itemIds = needs.stream().filter(n -> n.suggestedItemIds() != null)
                .flatMap(n -> n.suggestedItemIds().stream()).collect(Collectors.toSet());
        Map<UUID, ItemRef> items = catalog.items(itemIds);
        for (int i = 0; i < needs.size(); i++) {
            NeedInput need = needs.get(i);
            if (!ranks.add(need.rank())) {
                errors.add(new Problem.FieldError("needs[" + i + "].rank", "is given to another need"));
            }
            List<UUID> suggested = need.suggestedItemIds() == null ? List.of() : need.suggestedItemIds();
            for (int j = 0; j < suggested.size(); j++) {
                ItemRef item = items.get(suggested.get(j));
                String problem = item == null ? "is not an item of this chain's catalog"
                        : !item.active() ? "is archived"
                        : !item.offeredAt(clinicId) ? "is not offered at this clinic" : null;
                if (problem != null) {
                    errors.add(new Problem.FieldError("needs[" + i + "].suggestedItemIds[" + j + "]", problem));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void writeNeeds(UUID consultationId, List<NeedInput> needs) {
        for (NeedInput input : needs) {
            ConsultationNeed need = new ConsultationNeed();
            need.key = new ConsultationNeed.Key(consultationId, input.rank().shortValue());
            need.area = input.area();
            need.concern = input.concern().trim();
            need.note = Strings.blankToNull(input.note());
            need.persist();
            if (input.suggestedItemIds() != null) {
                new LinkedHashSet<>(input.suggestedItemIds()).forEach(itemId -> {
                    ConsultationSuggestion suggestion = new ConsultationSuggestion();
                    suggestion.key = new ConsultationSuggestion.Key(consultationId, need.key.rank(), itemId);
                    suggestion.persist();
                });
            }
        }
    }

    /** The deletes reach the database before the same ranks are written again. */
    private static void replaceNeeds(UUID consultationId, List<NeedInput> needs) {
        ConsultationSuggestion.<ConsultationSuggestion>find("key.consultationId", consultationId).stream()
                .forEach(ConsultationSuggestion::delete);
        ConsultationNeed.<ConsultationNeed>find("key.consultationId", consultationId).stream()
                .forEach(ConsultationNeed::delete);
        ConsultationNeed.flush();
        writeNeeds(consultationId, needs);
    }

    private static boolean sameNeeds(List<NeedView> before, List<NeedInput> after) {
        if (before.size() != after.size()) {
            return false;
        }
        Map<Integer, NeedView> byRank = before.stream().collect(Collectors.toMap(NeedView::rank, n -> n));
        return after.stream().allMatch(input -> {
            NeedView had = byRank.get(input.rank());
            Set<UUID> suggested = input.suggestedItemIds() == null ? Set.of() : Set.copyOf(input.suggestedItemIds());
            return had != null && had.area() == input.area() && had.concern().equals(input.concern().trim())
                    && Objects.equals(had.note(), Strings.blankToNull(input.note()))
                    && had.suggestedItems().stream().map(SuggestedItem::itemId).collect(Collectors.toSet())
                    .equals(suggested);
        });
    }

    /** A reason exactly when she did not convert. */
    private void outcomeRecorded(Consultation consultation, OffsetDateTime at) {
        outcomes.fire(new ConsultationOutcomeRecorded(consultation.id, consultation.customerId, consultation.clinicId,
                consultation.consultantId, consultation.outcome, at));
    }

    private static void recordOutcome(Consultation consultation, OutcomeInput outcome, OffsetDateTime now) {
        if (outcome.outcome() == Outcome.NOT_CONVERTED && outcome.reason() == null) {
            throw ProblemException.invalidField("outcome.reason", "say why she did not convert");
        }
        if (outcome.outcome() != Outcome.NOT_CONVERTED && outcome.reason() != null) {
            throw ProblemException.invalidField("outcome.reason", "only a consultation that did not convert has one");
        }
        consultation.outcome = outcome.outcome();
        consultation.reason = outcome.reason();
        consultation.outcomeNote = Strings.blankToNull(outcome.note());
        consultation.outcomeRecordedAt = outcome.outcome() == Outcome.PENDING ? null : now;
    }

    /** A consultation at one of the caller's clinics; 404 otherwise, as for one of another chain. */
    private Consultation find(UUID id) {
        return Consultation.<Consultation>findByIdOptional(id)
                .filter(c -> caller.mayWorkIn(c.clinicId))
                .orElseThrow(() -> ProblemException.notFound("Consultation"));
    }

    private ConsultationView view(Consultation consultation) {
        return views(List.of(consultation)).get(consultation);
    }

    private Map<Consultation, ConsultationView> views(List<Consultation> rows) {
        Map<UUID, String> customerNames = customers.namesOf(rows.stream().map(c -> c.customerId).toList());
        Map<UUID, String> consultantNames = staff.displayNames(rows.stream().map(c -> c.consultantId)
                .collect(Collectors.toSet()));
        Map<UUID, List<NeedView>> needs = needsOf(rows.stream().map(c -> c.id).toList());
        Map<Consultation, ConsultationView> views = new LinkedHashMap<>();
        for (Consultation c : rows) {
            views.put(c, new ConsultationView(c.id, c.visitId, c.customerId, customerNames.get(c.customerId),
                    c.clinicId, c.consultantId, consultantNames.get(c.consultantId), c.consultedAt, c.summary,
                    needs.getOrDefault(c.id, List.of()), c.outcome, c.reason, c.outcomeNote, c.outcomeRecordedAt,
                    c.createdAt, c.updatedAt, c.version));
        }
        return views;
    }

    private Map<UUID, List<NeedView>> needsOf(Collection<UUID> consultationIds) {
        if (consultationIds.isEmpty()) {
            return Map.of();
        }
        List<ConsultationNeed> needs = ConsultationNeed.<ConsultationNeed>find("key.consultationId in ?1",
                consultationIds).list();
        List<ConsultationSuggestion> suggestions = ConsultationSuggestion.<ConsultationSuggestion>find(
                "key.consultationId in ?1", consultationIds).list();
        Map<UUID, ItemRef> items = catalog.items(suggestions.stream().map(s -> s.key.itemId())
                .collect(Collectors.toSet()));
        Map<ConsultationNeed.Key, List<SuggestedItem>> suggested = suggestions.stream()
                .collect(Collectors.groupingBy(s -> new ConsultationNeed.Key(s.key.consultationId(), s.key.rank()),
                        Collectors.mapping(s -> new SuggestedItem(s.key.itemId(), items.get(s.key.itemId()).name()),
                                Collectors.toList())));
        return needs.stream()
                .sorted(Comparator.comparing((ConsultationNeed n) -> n.key.rank()))
                .collect(Collectors.groupingBy(n -> n.key.consultationId(), Collectors.mapping(n ->
                        new NeedView(n.key.rank(), n.area, n.concern, n.note, suggested.getOrDefault(n.key, List.of())
                                .stream().sorted(Comparator.comparing(SuggestedItem::name)).toList()),
                        Collectors.toList())));
    }
}

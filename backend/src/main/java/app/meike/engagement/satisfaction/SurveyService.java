package app.meike.engagement.satisfaction;

import app.meike.audit.AuditLog;
import app.meike.catalog.CatalogService;
import app.meike.catalog.CatalogService.ItemRef;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Page;
import app.meike.common.PageRequest;
import app.meike.common.Strings;
import app.meike.common.persistence.Filter;
import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import app.meike.customer.CustomerService;
import app.meike.customer.TimelineSource;
import app.meike.engagement.satisfaction.LowScores.Assessment;
import app.meike.engagement.satisfaction.SatisfactionDtos.PublicSurveyView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyAnswers;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyItemView;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyLinkCreate;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyLinkCreated;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyRecord;
import app.meike.engagement.satisfaction.SatisfactionDtos.SurveyView;
import app.meike.engagement.satisfaction.SatisfactionEvents.SurveySubmitted;
import app.meike.engagement.satisfaction.Survey.Channel;
import app.meike.engagement.satisfaction.Survey.Status;
import app.meike.identity.Caller;
import app.meike.identity.StaffService;
import app.meike.tenancy.ClinicService;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import app.meike.visit.ConsultationService;
import app.meike.visit.ConsultationService.ConsultationQuery;
import app.meike.visit.VisitService;
import app.meike.visit.VisitService.VisitRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Surveys of visits, one per visit: recorded by staff, or sent to the customer as a one-time link whose answers she
 * gives without a login. Answers that are low under the chain's rules open a complaint in the same transaction.
 */
@ApplicationScoped
public class SurveyService implements TimelineSource {
    /** Who the audit log names for answers given through a link. */
    static final String LINK_ACTOR = "survey-link";

    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    SatisfactionRulesService rules;
    @Inject
    ComplaintService complaints;
    @Inject
    VisitService visits;
    @Inject
    ConsultationService consultations;
    @Inject
    CustomerService customers;
    @Inject
    CatalogService catalog;
    @Inject
    ClinicService clinics;
    @Inject
    StaffService staff;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Event<SurveySubmitted> submitted;

    public record SurveyQuery(UUID customerId, UUID clinicId, UUID visitId, Status status) {
    }

    /** Surveys newest first, at the caller's clinics. */
    public Page<SurveyView> list(SurveyQuery query, PageRequest page) {
        Filter filter = new Filter()
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .and("customerId = :customer", "customer", query.customerId())
                .and("clinicId = :clinic", "clinic", query.clinicId())
                .and("visitId = :visit", "visit", query.visitId())
                .and("status = :status", "status", query.status())
                .afterPosition("createdAt", "id", page, true);
        List<Survey> rows = Survey.<Survey>find(filter.where() + " order by createdAt desc, id desc",
                filter.params()).page(0, page.fetchSize()).list();
        Page<Survey> shown = page.pageByTime(rows, s -> s.createdAt, s -> s.id, Function.identity());
        return new Page<>(views(shown.items()), shown.nextCursor());
    }

    public SurveyView get(UUID id) {
        return view(Survey.<Survey>findByIdOptional(id).filter(s -> caller.mayWorkIn(s.clinicId))
                .orElseThrow(() -> ProblemException.notFound("Survey")));
    }

    /**
     * Answers staff record for a visit. A visit whose link is still unanswered takes them (the customer answered on
     * the phone instead; the link then answers 410); a visit with answers already is a 409.
     */
    @Transactional
    public SurveyView record(SurveyRecord request) {
        VisitRef visit = visitOf(request.visitId());
        Survey survey = Survey.<Survey>find("visitId", visit.id()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElse(null);
        if (survey != null && survey.status == Status.SUBMITTED) {
            throw ProblemException.conflict("This visit's survey has been answered already");
        }
        if (request.itemIds() != null) {
            requireItems(request.itemIds());
        }
        if (survey == null) {
            survey = newSurvey(visit, Channel.STAFF);
        }
        submit(survey, request.answers(), caller.userId());
        addItems(survey, request.itemIds());
        audit.record("survey.recorded", "survey", survey.id, answersOf(survey));
        return view(survey);
    }

    /**
     * A one-time link for a visit's survey: a random 256-bit token of which only the SHA-256 is kept, valid for the
     * chain's link hours. A visit whose earlier link expired unanswered gets a fresh one; otherwise a visit with a
     * survey is a 409.
     */
    @Transactional
    public SurveyLinkCreated createLink(SurveyLinkCreate request) {
        VisitRef visit = visitOf(request.visitId());
        Survey survey = Survey.<Survey>find("visitId", visit.id()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElse(null);
        OffsetDateTime now = Clocks.now(clock);
        if (survey != null && !(survey.status == Status.PENDING && !survey.linkExpiresAt.isAfter(now))) {
            throw ProblemException.conflict(survey.status == Status.SUBMITTED
                    ? "This visit's survey has been answered already"
                    : "This visit's survey link is still valid until " + survey.linkExpiresAt);
        }
        if (request.itemIds() != null) {
            requireItems(request.itemIds());
        }
        boolean renewed = survey != null;
        if (survey == null) {
            survey = newSurvey(visit, Channel.LINK);
        }
        String token = SurveyLinks.newToken();
        survey.channel = Channel.LINK;
        survey.linkTokenHash = SurveyLinks.hash(token);
        survey.linkExpiresAt = now.plus(Duration.ofHours(rules.inForce().linkValidHours()));
        survey.updatedAt = now;
        survey.persistAndFlush();
        addItems(survey, request.itemIds());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("visitId", survey.visitId);
        details.put("expiresAt", survey.linkExpiresAt.toString());
        details.put("renewed", renewed);
        audit.record("survey.link-created", "survey", survey.id, details);
        return new SurveyLinkCreated(view(survey), token, SurveyLinks.PATH + token, survey.linkExpiresAt);
    }

    /** What the link's customer sees (the request acts for the token's chain already). */
    PublicSurveyView publicView(byte[] tokenHash) {
        Survey survey = byLink(tokenHash, LockModeType.NONE);
        requireAnswerable(survey);
        ZoneId zone = ZoneId.of(tenants.timeZoneOf(tenantContext.tenantId()));
        List<String> items = itemsOf(List.of(survey.id)).getOrDefault(survey.id, List.of()).stream()
                .map(SurveyItemView::name).toList();
        return new PublicSurveyView(clinics.names(List.of(survey.clinicId)).get(survey.clinicId),
                survey.visitedAt.atZoneSameInstant(zone).toLocalDate(), items, false, survey.linkExpiresAt);
    }

    /** The customer's answers through her link, once; under a lock, so of two submissions at once one counts. */
    void submitByLink(byte[] tokenHash, SurveyAnswers answers) {
        Survey survey = byLink(tokenHash, LockModeType.PESSIMISTIC_WRITE);
        requireAnswerable(survey);
        submit(survey, answers, null);
        audit.recordAs(LINK_ACTOR, null, "survey.submitted", "survey", survey.id, answersOf(survey));
    }

    @Override
    public List<TimelineEntry> entries(UUID customerId, PageRequest page) {
        Filter filter = new Filter()
                .and("customerId = :customer", "customer", customerId)
                .and("status = :submitted", "submitted", Status.SUBMITTED)
                .and("clinicId in :mine", "mine", caller.clinicFilter())
                .afterPosition("submittedAt", "id", page, true);
        return Survey.<Survey>find(filter.where() + " order by submittedAt desc, id desc", filter.params())
                .page(0, page.fetchSize()).<Survey>list().stream()
                .map(s -> new TimelineEntry(s.id, TimelineEntry.Kind.SURVEY, s.submittedAt, s.clinicId,
                        s.consultantId, s.channel.name(), s.resultScore + "/5 · " + s.experienceScore + "/5 · NPS "
                        + s.nps, s.visitId))
                .toList();
    }

    /** The answers, the complaint they open when low, and the event. */
    private void submit(Survey survey, SurveyAnswers answers, String recordedBy) {
        OffsetDateTime now = Clocks.now(clock);
        survey.status = Status.SUBMITTED;
        survey.resultScore = answers.resultScore();
        survey.experienceScore = answers.experienceScore();
        survey.nps = answers.nps();
        survey.comment = Strings.blankToNull(answers.comment());
        survey.submittedAt = now;
        survey.recordedBy = recordedBy;
        survey.updatedAt = now;
        survey.persistAndFlush();
        Optional<Assessment> low = LowScores.assess(answers, rules.inForce());
        low.ifPresent(a -> complaints.openForSurvey(survey, a, recordedBy != null ? recordedBy : LINK_ACTOR));
        submitted.fire(new SurveySubmitted(survey.id, survey.customerId, survey.clinicId, survey.consultantId,
                survey.resultScore, survey.experienceScore, survey.nps, low.isPresent(), now));
    }

    private Survey byLink(byte[] tokenHash, LockModeType lock) {
        return Survey.<Survey>find("linkTokenHash", tokenHash).withLock(lock).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Survey"));
    }

    private void requireAnswerable(Survey survey) {
        if (survey.status == Status.SUBMITTED) {
            throw new ProblemException(ProblemType.SURVEY_ANSWERED, "This survey has been answered already. Thank you!");
        }
        if (!survey.linkExpiresAt.isAfter(Clocks.now(clock))) {
            throw new ProblemException(ProblemType.SURVEY_EXPIRED, "This survey link has expired");
        }
    }

    /** A visit at one of the caller's clinics (a 400 naming `visitId` otherwise, as for another chain's visit). */
    private VisitRef visitOf(UUID visitId) {
        return visits.visitRef(visitId).filter(v -> caller.mayWorkIn(v.clinicId()))
                .orElseThrow(() -> ProblemException.invalidField("visitId", "is not a visit at your clinics"));
    }

    /** A new survey of the visit, not stored yet. The consultant is the visit's consultation's, else hers. */
    private Survey newSurvey(VisitRef visit, Channel channel) {
        customers.requireCustomer("visitId", visit.customerId());
        OffsetDateTime now = Clocks.now(clock);
        Survey s = new Survey();
        s.id = Ids.newId();
        s.visitId = visit.id();
        s.customerId = visit.customerId();
        s.clinicId = visit.clinicId();
        s.consultantId = consultations.list(new ConsultationQuery(null, null, null, visit.id(), null, null, null),
                        PageRequest.of(null, null)).items().stream().map(c -> c.consultantId()).findFirst()
                .orElseGet(() -> Optional.ofNullable(customers.careOf(List.of(visit.customerId()))
                        .get(visit.customerId())).map(CustomerService.CustomerCare::ownerStaffId).orElse(null));
        s.visitedAt = visit.checkedInAt();
        s.channel = channel;
        s.status = Status.PENDING;
        s.createdBy = caller.userId();
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** Adds the treated items the survey does not name yet (items already checked). */
    private void addItems(Survey survey, List<UUID> itemIds) {
        if (itemIds == null) {
            return;
        }
        List<UUID> known = SurveyItem.<SurveyItem>list("key.surveyId", survey.id).stream().map(i -> i.key.itemId())
                .toList();
        distinct(itemIds).stream().filter(id -> !known.contains(id)).forEach(id -> SurveyItem.of(survey.id, id)
                .persist());
    }

    private void requireItems(List<UUID> itemIds) {
        Map<UUID, ItemRef> found = catalog.items(itemIds);
        for (int i = 0; i < itemIds.size(); i++) {
            if (!found.containsKey(itemIds.get(i))) {
                throw ProblemException.invalidField("itemIds[" + i + "]", "is not an item of this chain's catalog");
            }
        }
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private static Map<String, Object> answersOf(Survey s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("visitId", s.visitId);
        details.put("resultScore", s.resultScore);
        details.put("experienceScore", s.experienceScore);
        details.put("nps", s.nps);
        return details;
    }

    private Map<UUID, List<SurveyItemView>> itemsOf(List<UUID> surveyIds) {
        if (surveyIds.isEmpty()) {
            return Map.of();
        }
        List<SurveyItem> links = SurveyItem.list("key.surveyId in ?1", surveyIds);
        Map<UUID, ItemRef> items = catalog.items(links.stream().map(l -> l.key.itemId()).collect(Collectors.toSet()));
        return links.stream().collect(Collectors.groupingBy(l -> l.key.surveyId(), LinkedHashMap::new,
                Collectors.mapping(l -> new SurveyItemView(l.key.itemId(), items.get(l.key.itemId()).name()),
                        Collectors.toList())));
    }

    private SurveyView view(Survey survey) {
        return views(List.of(survey)).get(0);
    }

    private List<SurveyView> views(List<Survey> rows) {
        List<UUID> ids = rows.stream().map(s -> s.id).toList();
        Map<UUID, List<SurveyItemView>> items = itemsOf(ids);
        Map<UUID, UUID> complaintIds = complaints.idsOfSurveys(ids);
        Map<UUID, String> customerNames = customers.namesOf(rows.stream().map(s -> s.customerId).toList());
        Map<UUID, String> clinicNames = clinics.names(rows.stream().map(s -> s.clinicId).toList());
        Map<UUID, String> staffNames = staff.displayNames(rows.stream().map(s -> s.consultantId)
                .filter(Objects::nonNull).toList());
        return rows.stream().map(s -> new SurveyView(s.id, s.visitId, s.customerId, customerNames.get(s.customerId),
                s.clinicId, clinicNames.get(s.clinicId), s.consultantId,
                s.consultantId == null ? null : staffNames.get(s.consultantId), s.visitedAt, s.channel, s.status,
                s.linkExpiresAt, s.resultScore, s.experienceScore, s.nps, s.comment, s.submittedAt,
                items.getOrDefault(s.id, List.of()), complaintIds.get(s.id), s.createdAt, s.version)).toList();
    }
}

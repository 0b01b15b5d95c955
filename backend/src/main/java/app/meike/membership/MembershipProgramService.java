package app.meike.membership;

import app.meike.audit.AuditLog;
import app.meike.common.Changes;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.Money;
import app.meike.common.PageRequest;
import app.meike.common.Versions;
import app.meike.common.problem.Problem;
import app.meike.common.problem.ProblemException;
import app.meike.membership.MembershipDtos.BenefitsView;
import app.meike.membership.MembershipDtos.PreviewView;
import app.meike.membership.MembershipDtos.ProgramInput;
import app.meike.membership.MembershipDtos.ProgramView;
import app.meike.membership.MembershipDtos.TierInput;
import app.meike.membership.MembershipDtos.TierView;
import app.meike.membership.MembershipJob.Kind;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.TenantService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The chain's membership program: its basis, review rule and tiers; a change re-evaluates everyone in a job. */
@ApplicationScoped
public class MembershipProgramService {
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantService tenants;
    @Inject
    MembershipJobs jobs;
    @Inject
    MembershipPreviewQuery previewQuery;

    /** A new chain's program (no tiers); joins the chain's creation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createFor(OffsetDateTime now) {
        MembershipProgram.withDefaults(now).persist();
    }

    public ProgramView get() {
        MembershipProgram program = program();
        return view(program, MembershipTier.active());
    }

    @Transactional
    public ProgramView update(String ifMatch, ProgramInput input) {
        String currency = currency();
        List<MembershipTier> current = MembershipTier.active();
        validate(input, current, currency);
        MembershipProgram program = program();
        Versions.requireMatch(ifMatch, program.version);
        OffsetDateTime now = Clocks.now(clock);
        Changes changes = new Changes();
        boolean movesPeople = changes.track("basis", program.basis, input.basis());
        changes.track("reviewRule", program.reviewRule, input.reviewRule());
        movesPeople |= changes.track("tiers", summary(current), summary(input));
        changes.track("names", current.stream().map(t -> t.name).toList(),
                input.tiers().stream().map(t -> t.name().trim()).toList());
        changes.track("benefits", current.stream().map(t -> view(t, currency).benefits()).toList(),
                input.tiers().stream().map(TierInput::benefits).toList());
        program.basis = input.basis();
        program.reviewRule = input.reviewRule();
        replaceTiers(current, input, now);
        if (movesPeople) {
            program.reevaluationJobId = jobs.queue(Kind.REEVALUATION, now.toLocalDate(), now).id();
            changes.asMap().put("reevaluationJobId", program.reevaluationJobId);
        }
        // Touching the row moves its version even when only tiers changed, so the ETag follows every change.
        program.updatedAt = now;
        program.persistAndFlush();
        if (!changes.isEmpty()) {
            audit.record("membership-program.updated", "membership-program", program.id, changes.asMap());
        }
        return get();
    }

    /** Who would move under the proposed program; reads only. */
    public PreviewView preview(ProgramInput input, PageRequest page) {
        String currency = currency();
        validate(input, MembershipTier.active(), currency);
        return previewQuery.preview(MembershipPreviewQuery.Proposal.of(input), Clocks.now(clock), page, currency);
    }

    /** The ladder the rules evaluate against now. */
    TierRules.Ladder ladder(MembershipProgram program) {
        return new TierRules.Ladder(program.basis, MembershipTier.active().stream()
                .map(t -> new TierRules.Rung(t.id, t.threshold)).toList());
    }

    /** The ladder the rules evaluate against now, program and tiers read in one query (every payment asks). */
    TierRules.Ladder ladder() {
        List<Object[]> rows = MembershipProgram.getEntityManager().createQuery("select p.basis, t.id, t.threshold"
                + " from MembershipProgram p left join MembershipTier t on t.position is not null", Object[].class)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The chain has no membership program");
        }
        return new TierRules.Ladder((TierRules.Basis) rows.get(0)[0], rows.stream().filter(r -> r[1] != null)
                .map(r -> new TierRules.Rung((UUID) r[1], (Long) r[2])).toList());
    }

    MembershipProgram program() {
        return MembershipProgram.<MembershipProgram>findAll().firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("The chain has no membership program"));
    }

    /** Every tier the chain ever had, retired ones included (the history names them). */
    static Map<UUID, MembershipTier> allTiers() {
        Map<UUID, MembershipTier> tiers = new HashMap<>();
        MembershipTier.<MembershipTier>listAll().forEach(t -> tiers.put(t.id, t));
        return tiers;
    }

    String currency() {
        return tenants.currencyOf(tenantContext.tenantId());
    }

    static TierView view(MembershipTier tier, String currency) {
        return new TierView(tier.id, tier.name, new Money(tier.threshold, currency), benefits(tier));
    }

    static BenefitsView benefits(MembershipTier tier) {
        return new BenefitsView(tier.discountPercent, tier.categoryDiscounts, tier.pointsMultiplier, tier.perks);
    }

    private ProgramView view(MembershipProgram program, List<MembershipTier> tiers) {
        String currency = currency();
        return new ProgramView(program.basis, program.reviewRule, tiers.stream().map(t -> view(t, currency)).toList(),
                program.reevaluationJobId == null ? null : jobs.get(program.reevaluationJobId), program.updatedAt,
                program.version);
    }

    /** Thresholds strictly rising, names unique, ids of this program's tiers, the chain's currency. */
    private static void validate(ProgramInput input, List<MembershipTier> current, String currency) {
        Set<UUID> known = new HashSet<>(current.stream().map(t -> t.id).toList());
        Map<String, Integer> names = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < input.tiers().size(); i++) {
            TierInput tier = input.tiers().get(i);
            String field = "tiers[" + i + "]";
            if (tier.id() != null && (!known.contains(tier.id()) || !seen.add(tier.id()))) {
                errors.add(new Problem.FieldError(field + ".id", known.contains(tier.id())
                        ? "names the same tier as an earlier one" : "is not a tier of this program"));
            }
            Integer earlier = names.putIfAbsent(tier.name().trim(), i);
            if (earlier != null) {
                errors.add(new Problem.FieldError(field + ".name", "repeats the name of tiers[" + earlier + "]"));
            }
            if (!tier.threshold().currency().equals(currency)) {
                errors.add(new Problem.FieldError(field + ".threshold.currency",
                        "must be the chain's currency " + currency));
            }
            if (tier.threshold().amount() <= 0) {
                errors.add(new Problem.FieldError(field + ".threshold.amount",
                        "must be above zero (a tier for no spend at all is no tier)"));
            }
            if (i > 0 && tier.threshold().amount() <= input.tiers().get(i - 1).threshold().amount()) {
                errors.add(new Problem.FieldError(field + ".threshold",
                        "must be above the threshold of tiers[" + (i - 1) + "] (tiers go from lowest to highest)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private static void replaceTiers(List<MembershipTier> current, ProgramInput input, OffsetDateTime now) {
        Map<UUID, MembershipTier> byId = new LinkedHashMap<>();
        current.forEach(t -> byId.put(t.id, t));
        for (int i = 0; i < input.tiers().size(); i++) {
            TierInput in = input.tiers().get(i);
            MembershipTier tier = in.id() == null ? newTier(now) : byId.remove(in.id());
            tier.name = in.name().trim();
            tier.position = i;
            tier.threshold = in.threshold().amount();
            tier.discountPercent = in.benefits().discountPercent();
            tier.categoryDiscounts = Map.copyOf(in.benefits().categoryDiscounts());
            tier.pointsMultiplier = in.benefits().pointsMultiplier();
            tier.perks = List.copyOf(in.benefits().perks());
            tier.updatedAt = now;
            tier.persist();
        }
        // Left out: retired; their holders move with the re-evaluation.
        for (MembershipTier retired : byId.values()) {
            retired.position = null;
            retired.retiredAt = now;
            retired.updatedAt = now;
        }
    }

    private static MembershipTier newTier(OffsetDateTime now) {
        MembershipTier tier = new MembershipTier();
        tier.id = Ids.newId();
        tier.createdAt = now;
        return tier;
    }

    /** What decides who holds which tier: each tier's identity and threshold, in order. */
    private static List<String> summary(List<MembershipTier> tiers) {
        return tiers.stream().map(t -> t.id + "@" + t.threshold).toList();
    }

    private static List<String> summary(ProgramInput input) {
        return input.tiers().stream().map(t -> Objects.requireNonNullElse(t.id(), "new") + "@"
                + t.threshold().amount()).toList();
    }
}

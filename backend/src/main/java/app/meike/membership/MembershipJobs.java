package app.meike.membership;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Ids;
import app.meike.common.problem.ProblemException;
import app.meike.identity.Caller;
import app.meike.membership.MembershipDtos.JobView;
import app.meike.membership.MembershipDtos.ReviewInput;
import app.meike.membership.MembershipJob.Kind;
import app.meike.membership.MembershipJob.Status;
import app.meike.tenancy.TenantContext;
import app.meike.tenancy.ActiveChains;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Re-evaluation and review jobs: queued in the transaction that asks for them, run after it commits on one
 * background thread, batch by batch, each batch its own transaction for the job's chain, its members locked as
 * orders lock them. The job row keeps the last member done, so an interrupted job resumes where it stopped when
 * the app starts again. The review also runs daily for every active chain.
 */
@ApplicationScoped
public class MembershipJobs {
    private static final Logger LOG = Logger.getLogger(MembershipJobs.class);
    private static final int BATCH = 200;
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    TenantContext tenantContext;
    @Inject
    ActiveChains chains;
    @Inject
    MembershipService memberships;
    @Inject
    MembershipProgramService programs;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "membership-jobs");
        thread.setDaemon(true);
        return thread;
    });

    /** Queues a job in the caller's transaction; it starts once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    JobView queue(Kind kind, LocalDate asOf, OffsetDateTime evaluateAt) {
        MembershipJob job = new MembershipJob();
        job.id = Ids.newId();
        job.kind = kind;
        job.status = Status.QUEUED;
        job.asOf = asOf;
        job.evaluateAt = evaluateAt;
        job.createdBy = caller.userId();
        job.createdAt = Clocks.now(clock);
        job.updatedAt = job.createdAt;
        job.persist();
        UUID tenant = tenantContext.tenantId();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    submit(tenant, job.id);
                }
            }
        });
        return view(job);
    }

    public JobView get(UUID id) {
        return MembershipJob.<MembershipJob>findByIdOptional(id).map(MembershipJobs::view)
                .orElseThrow(() -> ProblemException.notFound("Membership job"));
    }

    /** The review now (or as of an earlier day), as a job. */
    @Transactional
    public JobView startReview(ReviewInput input) {
        OffsetDateTime now = Clocks.now(clock);
        LocalDate today = now.toLocalDate();
        LocalDate asOf = input == null || input.asOf() == null ? today : input.asOf();
        if (asOf.isAfter(today)) {
            throw ProblemException.invalidField("asOf", "must not be after today (" + today + ")");
        }
        JobView job = queue(Kind.REVIEW, asOf, evaluateAt(asOf, now));
        audit.record("membership-review.started", "membership-job", job.id(), Map.of("asOf", asOf.toString()));
        return job;
    }

    /**
     * Every active chain's review, once a day (a chain the scheduler, the caller "system" here, reviewed today
     * already is skipped; reviewing twice would move nobody twice anyway).
     */
    @Scheduled(cron = "{meike.membership.review-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reviewEveryChain() {
        forEachChain(() -> {
            OffsetDateTime now = Clocks.now(clock);
            if (MembershipJob.count("kind = ?1 and asOf = ?2 and createdBy = ?3", Kind.REVIEW, now.toLocalDate(),
                    caller.userId()) == 0) {
                queue(Kind.REVIEW, now.toLocalDate(), now);
            }
        });
    }

    /** Jobs a stop interrupted go on where they were. */
    void resumeUnfinished(@Observes StartupEvent start) {
        worker.submit(() -> forEachChain(() -> MembershipJob.<MembershipJob>list("status in ?1 order by createdAt",
                List.of(Status.QUEUED, Status.RUNNING)).forEach(job -> submit(tenantContext.tenantId(), job.id))));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void submit(UUID tenant, UUID jobId) {
        worker.submit(() -> inRequest(() -> tenantContext.callAs(tenant, () -> {
            try {
                while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> batch(jobId)))) {
                    // one batch per transaction, until none is left
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Membership job %s of chain %s failed", jobId, tenant);
                QuarkusTransaction.requiringNew().run(() -> fail(jobId, e));
            }
            return null;
        })));
    }

    /** Evaluates the next batch of members; answers whether more may follow. */
    private boolean batch(UUID jobId) {
        MembershipJob job = MembershipJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status == Status.DONE || job.status == Status.FAILED) {
            return false;
        }
        OffsetDateTime now = Clocks.now(clock);
        if (job.status == Status.QUEUED) {
            job.status = Status.RUNNING;
            job.startedAt = now;
            job.total = CustomerMembership.count();
        }
        job.updatedAt = now;
        List<CustomerMembership> members = CustomerMembership.<CustomerMembership>find(
                        "customerId > ?1 order by customerId",
                        job.cursorCustomerId == null ? BEFORE_ALL : job.cursorCustomerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, BATCH).list();
        if (members.isEmpty()) {
            job.status = Status.DONE;
            job.finishedAt = now;
            audit.record("membership-job.finished", "membership-job", job.id, Map.of("kind", job.kind,
                    "processed", job.processed, "movedUp", job.movedUp, "movedDown", job.movedDown));
            return false;
        }
        MembershipProgram program = programs.program();
        TierRules.Ladder ladder = programs.ladder(program);
        Map<UUID, MembershipTier> tiers = MembershipProgramService.allTiers();
        Map<UUID, List<TierRules.Spend>> spend = MembershipService.spendOf(
                members.stream().map(m -> m.customerId).toList());
        // As of after the locks: a payment that committed while the batch waited for her row counts, not undone.
        OffsetDateTime lockedAt = Clocks.now(clock);
        for (CustomerMembership member : members) {
            switch (memberships.evaluate(member, spend.get(member.customerId), job, program, ladder, tiers,
                    lockedAt)) {
                case UP -> job.movedUp++;
                case DOWN -> job.movedDown++;
                case NONE -> {
                }
            }
        }
        job.processed += members.size();
        job.total = Math.max(job.total, job.processed);
        job.cursorCustomerId = members.get(members.size() - 1).customerId;
        return true;
    }

    private void fail(UUID jobId, RuntimeException cause) {
        MembershipJob job = MembershipJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = Clocks.now(clock);
        if (job.startedAt == null) {
            job.startedAt = now;
        }
        job.status = Status.FAILED;
        String message = String.valueOf(cause.getMessage());
        job.error = message.length() <= 500 ? message : message.substring(0, 500);
        job.finishedAt = now;
        job.updatedAt = now;
        audit.record("membership-job.failed", "membership-job", job.id, Map.of("error", job.error));
    }

    /** Runs work in its own transaction for each active chain, one after another. */
    private void forEachChain(Runnable work) {
        chains.forEach("Membership work", chain -> QuarkusTransaction.requiringNew().run(work));
    }

    /** Work outside an HTTP request still needs the request scope the tenant context and caller live in. */
    private static <T> T inRequest(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            return work.get();
        }
        context.activate();
        try {
            return work.get();
        } finally {
            context.terminate();
        }
    }

    /** A review for an earlier day looks at that day's end (UTC); one for today at now. */
    private static OffsetDateTime evaluateAt(LocalDate asOf, OffsetDateTime now) {
        return asOf.equals(now.toLocalDate()) ? now
                : asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minus(1, ChronoUnit.MICROS);
    }

    static JobView view(MembershipJob job) {
        return new JobView(job.id, job.kind, job.status, job.total, job.processed, job.movedUp, job.movedDown,
                job.asOf, job.createdAt, job.startedAt, job.finishedAt, job.error);
    }
}

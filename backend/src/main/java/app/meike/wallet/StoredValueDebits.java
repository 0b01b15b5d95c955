package app.meike.wallet;

import app.meike.common.Clocks;
import app.meike.common.problem.ProblemException;
import app.meike.common.problem.ProblemType;
import app.meike.common.web.RequestIds;
import app.meike.identity.Caller;
import app.meike.integration.IdempotencyKeys;
import app.meike.membership.Memberships;
import app.meike.membership.Memberships.SpendSource;
import app.meike.tenancy.RowLevelSecurityInterceptor;
import app.meike.tenancy.TenantContext;
import app.meike.wallet.StoredValueDtos.DebitCreate;
import app.meike.wallet.StoredValueDtos.EntryView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import static app.meike.common.Strings.blankToNull;

/**
 * Stored-value DEBITs, raw and as order tenders, in one database statement each (stored_value_debit, changeset
 * 033): it claims the Idempotency-Key, locks the account, takes from the lots, writes the entry, its allocations,
 * the qualifying spend and the audit event and stores the answer. A raw debit runs it outside any transaction, so
 * the account's lock lasts that one statement and parallel debits of an account queue for microseconds, not round
 * trips. It sets the tenant itself, so it is the one round trip on its connection. Lots due to expire are expired
 * first by the ledger (rare: a due lot expires once), in a transaction that then runs the same statement.
 */
@ApplicationScoped
public class StoredValueDebits {
    /** The statement sets its tenant itself: a raw debit's connection comes with none (see raw). */
    private static final String DEBIT = RowLevelSecurityInterceptor.STATEMENT_TENANT
            + "SELECT cast(stored_value_debit(cast(? AS uuid), cast(? AS uuid),"
            + " cast(? AS bigint), cast(? AS uuid), cast(? AS boolean), cast(? AS timestamptz), cast(? AS varchar),"
            + " cast(? AS uuid), cast(? AS uuid), cast(? AS varchar), cast(? AS varchar), cast(? AS varchar),"
            + " cast(? AS varchar), cast(? AS varchar), cast(? AS varchar), cast(? AS varchar), cast(? AS varchar))"
            + " AS text) FROM tenant";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    StoredValueLedger ledger;
    @Inject
    StoredValueRulesService rules;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    Memberships memberships;
    @Inject
    Caller caller;
    @Inject
    TenantContext tenantContext;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** A debit as the statement takes it: by account (raw) or by customer (an order's tender). */
    private record Debit(UUID accountId, UUID customerId, long amount, UUID clinicId, OffsetDateTime at,
                         String currency, UUID orderId, UUID visitId, String reference, String note, String key,
                         String operation, String requestHash) {
    }

    /**
     * What the statement answered: the account's customer, the entry (absent: lots were due to expire) and whether
     * its qualifying spend may move her tier.
     */
    private record Outcome(UUID customerId, EntryView entry, boolean tierMayMove) {
    }

    /** Lots of the account were due to expire with a key claimed: the claim rolled back with the statement. */
    private static final class LotsDue extends Exception {
        LotsDue() {
            super(null, null, false, false);
        }
    }

    /**
     * A raw debit, once per Idempotency-Key (a replay answers the first entry). Must run outside a transaction: the
     * statement commits by itself. The principal taken then moves the customer's tier, in a transaction of its own,
     * when the statement found it may (most spend moves nothing); a replay checks again, which moves nothing more
     * (and completes a first attempt cut short in between).
     */
    EntryView raw(UUID accountId, String idempotencyKey, DebitCreate request) {
        String operation = "stored-value.debit:" + accountId;
        Debit debit = new Debit(accountId, null, request.amount().amount(), request.clinicId(), Clocks.now(clock),
                rules.currency(), null, request.visitId(), blankToNull(request.reference()),
                blankToNull(request.note()), idempotencyKey, operation,
                idempotency.fingerprint(idempotencyKey, operation, request));
        Outcome outcome;
        // The one statement sets the tenant: the pool need not set it on the connection nor clear it after.
        try (Connection connection = RowLevelSecurityInterceptor.tenantPerStatement(dataSource)) {
            outcome = run(connection, debit);
        } catch (LotsDue due) {
            outcome = QuarkusTransaction.requiringNew().call(() -> afterExpiry(debit,
                    ledger.open(accountId, debit.at())));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not use a database connection for a stored-value debit", e);
        }
        EntryView entry = outcome.entry();
        if (outcome.tierMayMove()) {
            memberships.spendRecorded(outcome.customerId(), entry.id(), SpendSource.STORED_VALUE,
                    -entry.principal().amount(), entry.occurredAt());
        }
        return entry;
    }

    /** An order's stored-value tender, in the order's transaction (the order's payment is what is idempotent). */
    @Transactional(Transactional.TxType.MANDATORY)
    EntryView forOrder(UUID customerId, UUID orderId, UUID clinicId, long amount, OffsetDateTime at) {
        Debit debit = new Debit(null, customerId, amount, clinicId, at, rules.currency(), orderId, null, null, null,
                null, null, null);
        Outcome outcome = inSession(debit);
        if (outcome.entry() == null) {
            outcome = afterExpiry(debit, ledger.openOf(customerId, at).orElseThrow());
        }
        return outcome.entry();
    }

    /** The debit again in the transaction that locked the account and expired its due lots. */
    private Outcome afterExpiry(Debit debit, StoredValueAccount expired) {
        EntityManager em = Panache.getEntityManager();
        em.flush();
        Outcome outcome = inSession(debit);
        if (outcome.entry() == null) {
            throw new IllegalStateException("Lots of account " + expired.id + " are still due after their expiry");
        }
        // The statement moved the account and the lots the expiry loaded: the session must not write them again.
        em.detach(expired);
        expired.heldLots.forEach(em::detach);
        return outcome;
    }

    private Outcome inSession(Debit debit) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try {
                return run(connection, debit);
            } catch (LotsDue due) {
                throw new IllegalStateException("A debit without a key refused lots due to expire", due);
            }
        });
    }

    private Outcome run(Connection connection, Debit debit) throws SQLException, LotsDue {
        try (PreparedStatement statement = connection.prepareStatement(DEBIT)) {
            statement.setString(1, Objects.toString(tenantContext.tenantId(), ""));
            statement.setObject(2, debit.accountId(), Types.OTHER);
            statement.setObject(3, debit.customerId(), Types.OTHER);
            statement.setLong(4, debit.amount());
            statement.setObject(5, debit.clinicId(), Types.OTHER);
            statement.setBoolean(6, caller.mayWorkIn(debit.clinicId()));
            statement.setObject(7, debit.at());
            statement.setString(8, debit.currency());
            statement.setObject(9, debit.orderId(), Types.OTHER);
            statement.setObject(10, debit.visitId(), Types.OTHER);
            statement.setString(11, debit.reference());
            statement.setString(12, debit.note());
            statement.setString(13, caller.userId());
            statement.setString(14, caller.displayName() != null ? caller.displayName() : caller.username());
            statement.setString(15, RequestIds.current());
            statement.setString(16, debit.key());
            statement.setString(17, debit.operation());
            statement.setString(18, debit.requestHash());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                JsonNode answer = json.readTree(row.getString(1));
                return answer.has("lotsDue") ? new Outcome(null, null, false)
                        : new Outcome(UUID.fromString(answer.get("customerId").asText()),
                        json.treeToValue(answer.get("entry"), EntryView.class), answer.get("tierMayMove").asBoolean());
            }
        } catch (PSQLException e) {
            throw refusal(e, debit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored-value debit's answer could not be read", e);
        }
    }

    /** The problem a refusal of the statement is (a SQLSTATE of its own), or the database error as it is. */
    private RuntimeException refusal(PSQLException e, Debit debit) throws LotsDue, SQLException {
        ServerErrorMessage server = e.getServerErrorMessage();
        String message = server == null ? null : server.getMessage();
        switch (String.valueOf(e.getSQLState())) {
            case "MKCLN" -> {
                return ProblemException.invalidField("clinicId", message);
            }
            case "MKVIS" -> {
                return ProblemException.invalidField("visitId", message);
            }
            case "MKFBD" -> {
                return ProblemException.forbidden(message);
            }
            case "MKFRZ" -> {
                return ProblemException.conflict(message);
            }
            case "MKKEY" -> {
                return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, message);
            }
            case "MKNFA" -> {
                return debit.accountId() != null ? ProblemException.notFound("Stored-value account")
                        : ProblemException.unprocessable("The customer has no stored value to pay with");
            }
            case "MKBAL" -> {
                return new ProblemException(ProblemType.INSUFFICIENT_BALANCE, "The account has " + server.getDetail()
                        + " to spend at this clinic, less than the " + debit.amount() + " asked for (minor units of "
                        + debit.currency() + ")");
            }
            case "MKEXP" -> throw new LotsDue();
            default -> throw e;
        }
    }
}

package app.meike.wallet;

import app.meike.audit.AuditLog;
import app.meike.common.Clocks;
import app.meike.common.Money;
import app.meike.common.problem.ProblemException;
import app.meike.integration.IdempotencyKeys;
import app.meike.wallet.StoredValueAccount.Status;
import app.meike.wallet.StoredValueDtos.RefundCreate;
import app.meike.wallet.StoredValueDtos.RefundQuote;
import app.meike.wallet.StoredValueDtos.RefundQuoteLot;
import app.meike.wallet.StoredValueDtos.RefundResult;
import app.meike.wallet.StoredValueDtos.TenderView;
import app.meike.wallet.StoredValueLots.Lot;
import app.meike.wallet.StoredValueLots.Share;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.meike.wallet.StoredValueLedger.asLots;
import static app.meike.wallet.StoredValueLedger.byId;
import static app.meike.wallet.StoredValueLedger.openLots;

/**
 * Refunds of stored value in cash, by the formula courts apply to 'pay X get Y' cards: per live lot, principal -
 * target(consumed) goes back and the rest of what the lot holds is forfeited bonus. Expired value is not refunded
 * until it is reactivated.
 */
@ApplicationScoped
public class StoredValueRefunds {
    @Inject
    StoredValueLedger ledger;
    @Inject
    StoredValueRulesService rules;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** The figures a refund now would pay, lot by lot; nothing changes (due lots are expired first). */
    @Transactional
    public RefundQuote quote(UUID accountId) {
        ledger.expireDueNow(List.of(accountId));
        StoredValueAccount account = StoredValueAccount.<StoredValueAccount>findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("Stored-value account"));
        String currency = rules.currency();
        OffsetDateTime now = Clocks.now(clock);
        List<Lot> lots = asLots(openLots(accountId)).stream().filter(l -> l.spendable(null, now))
                .sorted(StoredValueLots.OLDEST_FIRST).toList();
        List<RefundQuoteLot> quoted = lots.stream().map(l -> quote(l, currency)).toList();
        long refund = lots.stream().mapToLong(Lot::refund).sum();
        long forfeited = lots.stream().mapToLong(l -> l.remaining() - l.refund()).sum();
        return new RefundQuote(accountId, quoted, new Money(refund, currency), new Money(forfeited, currency),
                new Money(account.expiredPrincipal, currency), new Money(account.expiredBonus, currency));
    }

    /**
     * Pays the live lots back by the formula in one REFUND entry (the lots are emptied and closed), through the
     * tenders given or one CASH tender; with `close`, closes the account too, which needs nothing expired left.
     */
    @Transactional
    public RefundResult refund(UUID accountId, String idempotencyKey, RefundCreate request) {
        String reason = request.reason().trim();
        return idempotency.once(idempotencyKey, "stored-value.refund:" + accountId, request, RefundResult.class,
                () -> {
                    OffsetDateTime now = Clocks.now(clock);
                    StoredValueAccount account = ledger.open(accountId, now);
                    ledger.requireActsFor(account);
                    if (account.status == Status.CLOSED) {
                        throw ProblemException.conflict("The account is closed already");
                    }
                    if (request.close() && account.expiredPrincipal + account.expiredBonus > 0) {
                        throw ProblemException.unprocessable("The account still holds expired value ("
                                + (account.expiredPrincipal + account.expiredBonus) + "); reactivate it first, so it"
                                + " is refunded too, before closing the account");
                    }
                    List<StoredValueLot> lots = openLots(account);
                    List<Share> out = StoredValueLots.payOut(asLots(lots), now);
                    if (out.isEmpty() && !request.close()) {
                        throw ProblemException.unprocessable("The account has nothing spendable to refund");
                    }
                    Map<UUID, StoredValueLot> byId = byId(lots);
                    long total = out.stream().mapToLong(s -> byId.get(s.lotId()).asLot().refund()).sum();
                    List<TenderView> tenders = request.tenders() == null || request.tenders().isEmpty()
                            ? total == 0 ? List.of() : List.of(new TenderView(ExternalTenderMethod.CASH,
                            new Money(total, rules.currency()), null))
                            : ledger.payments(request.tenders(), total, "the refund");
                    StoredValueEntry entry = ledger.record(account, StoredValueEntryKind.REFUND, out, byId,
                            List.of(), now, e -> e.reason = reason);
                    ledger.tenders(entry, tenders);
                    if (request.close()) {
                        account.thaw(Status.CLOSED);
                        account.closedAt = now;
                    }
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("entryId", entry.id);
                    details.put("refundAmount", entry.refundAmount);
                    details.put("forfeitedBonus", entry.forfeitedBonus);
                    details.put("closed", request.close());
                    details.put("reason", reason);
                    audit.record("stored-value.refunded", "stored-value-account", account.id, details);
                    return new RefundResult(ledger.view(entry), ledger.view(account));
                }).result();
    }

    private static RefundQuoteLot quote(Lot l, String currency) {
        long target = l.targetPrincipal(l.consumed());
        long refund = l.refund();
        String formula = switch (l.debitOrder()) {
            case PRO_RATA -> major(l.principal(), currency) + " − " + major(l.consumed(), currency) + " × "
                    + major(l.principal(), currency) + " ÷ " + major(l.total(), currency) + " = "
                    + major(refund, currency);
            case PRINCIPAL_FIRST -> major(l.principal(), currency) + " − min(" + major(l.consumed(), currency) + ", "
                    + major(l.principal(), currency) + ") = " + major(refund, currency);
        };
        return new RefundQuoteLot(l.id(), l.debitOrder(), new Money(l.principal(), currency),
                new Money(l.bonus(), currency), new Money(l.total(), currency), new Money(l.consumed(), currency),
                new Money(target, currency), new Money(l.principalRemaining(), currency),
                new Money(l.bonusRemaining(), currency), new Money(refund, currency),
                new Money(l.remaining() - refund, currency), formula);
    }

    /** Minor units as a person reads them: 150000 fen is 1500.00. */
    private static String major(long amount, String currency) {
        return BigDecimal.valueOf(amount).movePointLeft(Math.max(0,
                Currency.getInstance(currency).getDefaultFractionDigits())).toPlainString();
    }
}

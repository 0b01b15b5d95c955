package app.meike.wallet;

import app.meike.wallet.StoredValueDtos.EntryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Stored value as an order tender: one DEBIT entry per order, one REVERSAL per refund of it. */
@ApplicationScoped
public class StoredValueOrderTenders implements StoredValueForOrders {
    @Inject
    StoredValueLedger ledger;
    @Inject
    StoredValueDebits debits;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Taken debitForOrder(UUID customerId, UUID orderId, UUID clinicId, long amount, OffsetDateTime at) {
        EntryView entry = debits.forOrder(customerId, orderId, clinicId, amount, at);
        return new Taken(-entry.principal().amount(), -entry.bonus().amount());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public GivenBack reverseForOrderRefund(UUID orderId, UUID refundId, long amount, String reason,
                                           OffsetDateTime at) {
        StoredValueEntry debit = StoredValueEntry.<StoredValueEntry>find("orderId = ?1 and kind = ?2", orderId,
                StoredValueEntryKind.DEBIT).firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " was not paid by stored value"));
        StoredValueAccount account = ledger.open(debit.accountId, at);
        StoredValueEntry entry = StoredValueEntry.<StoredValueEntry>find("refundId", refundId).firstResultOptional()
                .orElseGet(() -> ledger.giveBack(account, debit, amount, at, e -> {
                    e.orderId = orderId;
                    e.refundId = refundId;
                    e.clinicId = debit.clinicId;
                    e.reason = reason;
                }));
        return new GivenBack(entry.principal, entry.bonus);
    }
}

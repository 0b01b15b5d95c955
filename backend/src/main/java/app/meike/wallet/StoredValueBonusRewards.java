package app.meike.wallet;

import app.meike.common.Ids;
import app.meike.wallet.StoredValueLots.Lot;
import app.meike.wallet.StoredValueLots.Share;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static app.meike.wallet.StoredValueLedger.openLots;

/** Reward bonus through the ledger: a REWARD entry brings a bonus-only lot in, a negative one pays its rest out. */
@ApplicationScoped
public class StoredValueBonusRewards implements StoredValueRewards {
    @Inject
    StoredValueLedger ledger;
    @Inject
    StoredValueRulesService rules;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID creditBonus(UUID customerId, long bonus, UUID clinicId, String reference, String reason,
                            OffsetDateTime at) {
        StoredValueAccount account = ledger.openFor(customerId, at);
        StoredValueLot lot = StoredValueLot.of(account.id, Lot.incoming(Ids.newId(), 0, bonus,
                rules.rules().debitOrder, true, Set.of(), at, null));
        lot.source = StoredValueLot.Source.REWARD;
        lot.soldAtClinicId = clinicId;
        ledger.arrive(account, StoredValueEntryKind.REWARD, lot, at, e -> {
            e.clinicId = clinicId;
            e.reference = reference;
            e.reason = reason;
        });
        return lot.id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long takeBackBonus(UUID lotId, String reference, String reason, OffsetDateTime at) {
        StoredValueLot credited = StoredValueLot.<StoredValueLot>findByIdOptional(lotId)
                .orElseThrow(() -> new IllegalStateException("No reward lot " + lotId));
        StoredValueAccount account = ledger.open(credited.accountId, at);
        StoredValueLot lot = openLots(account).stream().filter(l -> l.id.equals(lotId)).findFirst().orElse(null);
        if (lot == null || lot.bonusRemaining == 0) {
            return 0;
        }
        long left = lot.bonusRemaining;
        ledger.record(account, StoredValueEntryKind.REWARD, List.of(new Share(lot.id, 0, -left)),
                Map.of(lot.id, lot), List.of(), at, e -> {
                    e.reference = reference;
                    e.reason = reason;
                });
        return left;
    }
}

package app.meike.wallet;

import app.meike.common.Money;
import app.meike.common.SignedMoney;
import app.meike.common.imports.ImportIssue;
import app.meike.common.imports.ImportStatus;
import app.meike.wallet.StoredValueAccount.Status;
import app.meike.wallet.StoredValueLot.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The stored-value API's bodies (schemas StoredValue*, in openapi.yaml). */
public final class StoredValueDtos {
    private StoredValueDtos() {
    }

    public record StoredValueRulesView(StoredValueDebitOrder debitOrder, int reminderDays, OffsetDateTime updatedAt,
                                       long version) {
    }

    public record StoredValueRulesUpdate(@NotNull StoredValueDebitOrder debitOrder,
                                         @NotNull @Min(0) @Max(365) Integer reminderDays) {
    }

    public record TenderInput(@NotNull ExternalTenderMethod method, @NotNull @Valid Money amount,
                              @Size(max = 100) String reference) {
    }

    public record TenderView(ExternalTenderMethod method, Money amount, String reference) {
    }

    public record TopUpCreate(@NotNull UUID customerId, @NotNull UUID planId, @NotNull UUID clinicId,
                              UUID consultantId,
                              @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid TenderInput> tenders) {
    }

    public record TopUpView(UUID id, UUID accountId, UUID customerId, UUID planId, String planName, UUID clinicId,
                            UUID consultantId, Money price, Money value, UUID lotId, UUID entryId,
                            List<TenderView> tenders, OffsetDateTime toppedUpAt, String toppedUpBy) {
    }

    public record TopUpResult(TopUpView topUp, AccountView account) {
    }

    public record LotView(UUID id, Source source, StoredValueLots.Status status, UUID planId, UUID topUpId,
                          Money principal, Money bonus, Money total, Money consumed, Money principalRemaining,
                          Money bonusRemaining, Money expiredPrincipal, Money expiredBonus,
                          StoredValueDebitOrder debitOrder, boolean allClinics, List<UUID> clinicIds,
                          UUID soldAtClinicId, OffsetDateTime toppedUpAt, OffsetDateTime expiresAt) {
    }

    public record ExpiringSoon(int withinDays, Money amount, OffsetDateTime earliestExpiry) {
    }

    public record AccountView(UUID id, UUID customerId, String customerName, Status status, Money principal,
                              Money bonus, Money balance, Money expiredPrincipal, Money expiredBonus,
                              String frozenReason, OffsetDateTime frozenAt, OffsetDateTime openedAt,
                              OffsetDateTime closedAt, OffsetDateTime updatedAt, List<LotView> lots,
                              ExpiringSoon expiringSoon) {
    }

    public record AllocationView(UUID lotId, SignedMoney principal, SignedMoney bonus, Money refundAmount) {
    }

    public record EntryView(UUID id, UUID accountId, StoredValueEntryKind kind, SignedMoney principal,
                            SignedMoney bonus, SignedMoney amount, Money principalAfter, Money bonusAfter,
                            Money balanceAfter, Money refundAmount, Money forfeitedBonus, UUID clinicId,
                            UUID orderId, UUID refundId, UUID topUpId, UUID visitId, String reference, String note,
                            UUID reversesEntryId, UUID reversedBy, UUID counterpartyAccountId, String reason,
                            String actorId, String actorName, String requestId, OffsetDateTime occurredAt,
                            List<AllocationView> allocations, List<TenderView> tenders) {
    }

    public record DebitCreate(@NotNull @Valid Money amount, @NotNull UUID clinicId, UUID visitId,
                              @Size(max = 100) String reference, @Size(max = 500) String note) {
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    public record RefundQuoteLot(UUID lotId, StoredValueDebitOrder debitOrder, Money principal, Money bonus,
                                 Money total, Money consumed, Money principalConsumed, Money principalRemaining,
                                 Money bonusRemaining, Money refund, Money forfeitedBonus, String formula) {
    }

    public record RefundQuote(UUID accountId, List<RefundQuoteLot> lots, Money refund, Money forfeitedBonus,
                              Money expiredPrincipal, Money expiredBonus) {
    }

    public record RefundCreate(@NotBlank @Size(max = 500) String reason, @NotNull Boolean close,
                               @Size(max = 10) List<@NotNull @Valid TenderInput> tenders) {
    }

    public record RefundResult(EntryView entry, AccountView account) {
    }

    public record TransferCreate(@NotNull UUID toCustomerId, @NotBlank @Size(max = 500) String reason) {
    }

    public record TransferResult(AccountView from, AccountView to) {
    }

    public record Reactivation(@NotBlank @Size(max = 500) String reason, @Min(1) @Max(3650) Integer validityDays) {
    }

    public record Adjustment(@NotNull @Valid SignedMoney principal, @NotNull @Valid SignedMoney bonus,
                             @NotBlank @Size(max = 500) String reason, UUID clinicId) {
    }

    public record ExpiryRun(OffsetDateTime asOf) {
    }

    public record ExpiryRunResult(OffsetDateTime asOf, int accounts, int lots, Money principal, Money bonus) {
    }

    public record StoredValueAging(LiabilityReports.AgingBucket bucket, int accounts, Money principal, Money bonus) {
    }

    public record StoredValueLiability(UUID clinicId, String clinicName, int accounts, Money principal, Money bonus,
                                       Money balance, int expiredAccounts, Money expiredPrincipal,
                                       Money expiredBonus, List<StoredValueAging> aging) {
    }

    public record StoredValueLiabilitiesView(OffsetDateTime asOf, String currency,
                                             List<StoredValueLiability> clinics, StoredValueLiability total) {
    }

    public enum ImportRowStatus { OK, ERROR, DUPLICATE }

    /** One row of an opening-balance file as checked; once committed, `lotId` names the lot an OK row made. */
    public record ImportRowView(int row, ImportRowStatus status, String phone, UUID customerId, String customerName,
                                Money principal, Money bonus, LocalDate expiresOn, String externalReference,
                                UUID clinicId, UUID lotId, List<ImportIssue> issues) {
        ImportRowView withLot(UUID lot) {
            return new ImportRowView(row, status, phone, customerId, customerName, principal, bonus, expiresOn,
                    externalReference, clinicId, lot, issues);
        }
    }

    public record StoredValueImportSummary(UUID id, String fileName, ImportStatus status, UUID defaultClinicId,
                                           int totalRows, int okRows, int errorRows, int duplicateRows,
                                           Money principal, Money bonus, String createdBy, OffsetDateTime createdAt,
                                           String committedBy, OffsetDateTime committedAt) {
    }

    public record StoredValueImportView(UUID id, String fileName, ImportStatus status, UUID defaultClinicId,
                                        int totalRows, int okRows, int errorRows, int duplicateRows, Money principal,
                                        Money bonus, List<String> ignoredColumns, String createdBy,
                                        OffsetDateTime createdAt, String committedBy, OffsetDateTime committedAt,
                                        List<ImportRowView> rows) {
    }
}

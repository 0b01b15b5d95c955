package app.meike.wallet;

import app.meike.common.Money;
import app.meike.wallet.LiabilityReports.AgingBucket;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The session packs API's bodies (schemas SessionPack*, in openapi.yaml). */
public final class SessionPackDtos {
    private SessionPackDtos() {
    }

    public record SessionPackItemView(UUID itemId, String itemName, int sessions, int remaining,
                                      Integer minIntervalDays, Money paidValue, Money unusedValue,
                                      OffsetDateTime lastRedeemedAt, OffsetDateTime nextDueAt) {
    }

    public record SessionPackView(UUID id, UUID customerId, String customerName, UUID templateId,
                                  String templateName, UUID orderId, int orderLineNo, UUID soldAtClinicId,
                                  boolean allClinics, List<UUID> clinicIds, SessionPackStatus status, int sessions,
                                  int remaining, Money paidValue, Money unusedValue, Money refundedValue,
                                  OffsetDateTime purchasedAt, OffsetDateTime expiresAt, OffsetDateTime frozenAt,
                                  OffsetDateTime refundedAt, OffsetDateTime nextDueAt,
                                  List<SessionPackItemView> items, OffsetDateTime updatedAt) {
    }

    public record SessionPackEntryItemView(UUID itemId, int sessions, Money value) {
    }

    public record SessionPackEntryView(UUID id, UUID packId, SessionPackEntryKind kind, int sessions,
                                       int remainingAfter, Money value, List<SessionPackEntryItemView> items,
                                       UUID visitId, UUID clinicId, UUID clinicianId, String intervalOverrideReason,
                                       UUID reversalOf, UUID reversedBy, String reason,
                                       OffsetDateTime previousExpiresAt, OffsetDateTime expiresAt, UUID orderId,
                                       UUID refundId, String actorId, String actorName, String requestId,
                                       OffsetDateTime occurredAt) {
    }

    /** An entry and the pack as it left it. */
    public record SessionPackMovement(SessionPackEntryView entry, SessionPackView pack) {
    }

    public record SessionPackRedemptionInput(@NotNull UUID itemId, @NotNull UUID visitId, @NotNull UUID clinicianId,
                                             @Size(max = 500) String intervalOverrideReason) {
    }

    public record SessionPackReason(@NotBlank @Size(max = 500) String reason) {
    }

    public record SessionPackExtension(@Min(1) @Max(3650) Integer days, OffsetDateTime expiresAt,
                                       @NotBlank @Size(max = 500) String reason) {
    }

    public record SessionPackAging(AgingBucket bucket, int packs, long sessions, Money value) {
    }

    public record SessionPackLiability(UUID clinicId, String clinicName, int packs, long sessions, Money value,
                                       List<SessionPackAging> aging) {
    }

    public record SessionPackLiabilities(OffsetDateTime asOf, String currency, List<SessionPackLiability> clinics,
                                         SessionPackLiability total) {
    }
}

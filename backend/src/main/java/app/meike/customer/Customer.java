package app.meike.customer;

import app.meike.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer of the chain. Visit and purchase times are set by the system, never typed in. Updates write only
 * the changed columns: the system times move without a new version (CustomerService.recordVisit), and an edit
 * of her profile must not write back the times it loaded. Merged duplicates and erased customers stay as rows
 * (ledgers point at them) but can no longer be edited.
 */
@Entity
@DynamicUpdate
@Table(name = "customer")
public class Customer extends VersionedEntity {
    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;
    public String name;
    @Column(name = "name_key")
    public String nameKey;
    @Column(name = "name_initials")
    public String nameInitials;
    @Column(name = "name_pinyin")
    public String namePinyin;
    /** Normalised (PhoneNumbers): unique in the chain. */
    public String phone;
    @Enumerated(EnumType.STRING)
    public Gender gender;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    /** Derived by the database from birthDate (for birthday filters that indexes answer under RLS). */
    @Column(name = "birth_month", insertable = false, updatable = false)
    public Integer birthMonth;
    public String occupation;
    @Enumerated(EnumType.STRING)
    @Column(name = "income_band")
    public IncomeBand incomeBand;
    public String city;
    public String address;
    @Enumerated(EnumType.STRING)
    public CustomerSource source;
    @Column(name = "referrer_id")
    public UUID referrerId;
    @Column(name = "referrer_attached_at")
    public OffsetDateTime referrerAttachedAt;
    @Column(name = "referrer_attached_by")
    public String referrerAttachedBy;
    @Column(name = "owner_staff_id")
    public UUID ownerStaffId;
    @Column(name = "home_clinic_id")
    public UUID homeClinicId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags;
    public String notes;
    @Column(name = "marketing_consent")
    public boolean marketingConsent;
    @Column(name = "consent_channel")
    public String consentChannel;
    @Column(name = "consent_recorded_at")
    public OffsetDateTime consentRecordedAt;
    @Column(name = "first_visit_at")
    public OffsetDateTime firstVisitAt;
    @Column(name = "first_purchase_at")
    public OffsetDateTime firstPurchaseAt;
    @Column(name = "last_visit_at")
    public OffsetDateTime lastVisitAt;
    /** Set on a merged duplicate: the tombstone points at the customer it was merged into. */
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "merged_at")
    public OffsetDateTime mergedAt;
    /** Set when the customer's personal data was erased (PIPL); the record can no longer be edited. */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    public enum Gender { FEMALE, MALE, OTHER, UNDISCLOSED }

    public enum IncomeBand { UNDER_100K, FROM_100K_TO_300K, FROM_300K_TO_1M, OVER_1M }

    public enum CustomerSource { ADVERTISING, REFERRAL, WALK_IN, ONLINE_PLATFORM, EVENT, OTHER }
}

package app.meike.analytics.dashboard;

import app.meike.common.SignedMoney;
import app.meike.visit.ConsultationDtos.ConversionFigures;
import app.meike.wallet.SessionPackDtos.SessionPackLiability;
import app.meike.wallet.StoredValueDtos.StoredValueLiability;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The dashboard's panels: every figure for the period and for the previous period of equal length. */
public final class DashboardDtos {
    private DashboardDtos() {
    }

    /** [from, to). */
    public record DashboardPeriod(OffsetDateTime from, OffsetDateTime to) {
    }

    public record MoneyComparison(SignedMoney current, SignedMoney previous) {
    }

    public record CountComparison(long current, long previous) {
    }

    /** A mean score (1–5), an NPS or a rate; null where nothing was answered, decided or due. */
    public record MeasureComparison(Double current, Double previous) {
    }

    public enum RevenueInterval { DAY, WEEK, MONTH }

    /** Qualifying spend in one day, week (from Monday) or month of the chain's calendar. */
    public record RevenuePoint(LocalDate start, SignedMoney revenue, long ordersPaid) {
    }

    public record ClinicRevenue(UUID clinicId, String clinicName, MoneyComparison revenue, CountComparison ordersPaid) {
    }

    public record RevenuePanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                               MoneyComparison revenue, CountComparison ordersPaid, MoneyComparison averageOrder,
                               RevenueInterval interval, List<RevenuePoint> series, List<RevenuePoint> previousSeries,
                               List<ClinicRevenue> byClinic) {
    }

    public record CustomersPanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                                 CountComparison newCustomers, CountComparison returningCustomers,
                                 CountComparison visits, CountComparison visitors) {
    }

    public record ConsultationsPanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                                     ConversionFigures current, ConversionFigures previous) {
    }

    public record TierCount(UUID tierId, String tierName, Integer position, CountComparison customers) {
    }

    public record MembershipPanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                                  List<TierCount> tierDistribution, CountComparison tierUpgrades,
                                  CountComparison tierDowngrades, CountComparison pointsIssued,
                                  CountComparison pointsRedeemed, CountComparison pointsExpired) {
    }

    public record LiabilitiesPanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                                   OffsetDateTime asOf, OffsetDateTime previousAsOf,
                                   StoredValueLiability storedValue, StoredValueLiability previousStoredValue,
                                   SessionPackLiability packs, SessionPackLiability previousPacks) {
    }

    public record EngagementPanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                                  CountComparison referrals, CountComparison surveys,
                                  MeasureComparison averageResult, MeasureComparison averageExperience,
                                  MeasureComparison nps, CountComparison complaintsOpened,
                                  CountComparison complaintsOpen, CountComparison complaintsOverdue) {
    }

    /** conversionRate and followUpRate are null where nothing was decided or due. */
    public record ConsultantFigures(UUID consultantId, String consultantName, MoneyComparison sales,
                                    CountComparison secondDevelopmentOrders,
                                    MoneyComparison secondDevelopmentSales, CountComparison consultations,
                                    CountComparison converted, MeasureComparison conversionRate,
                                    CountComparison followUpsDue, CountComparison followUpsDone,
                                    MeasureComparison followUpRate) {
    }

    public record ConsultantsPanel(DashboardPeriod period, DashboardPeriod previousPeriod, UUID clinicId,
                                   List<ConsultantFigures> consultants) {
    }
}

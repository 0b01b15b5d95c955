package app.meike.customer;

import app.meike.common.PageRequest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A feature's part of the customer 360 timeline (visits, consultations, orders, pack redemptions, touchpoints, surveys, complaints).
 * The customer feature merges the parts without reading the features' tables.
 */
public interface TimelineSource {
    /**
     * Up to the page's fetch size of the customer's entries, newest first, strictly before the page's (time, id)
     * position when it has one, and only at clinics the caller may work in.
     */
    List<TimelineEntry> entries(UUID customerId, PageRequest page);

    /** One thing that happened to the customer. `status` and `label` depend on the kind (see openapi.yaml). */
    record TimelineEntry(UUID id, Kind kind, OffsetDateTime at, UUID clinicId, UUID staffId, String status,
                         String label, UUID visitId) {
        public enum Kind { APPOINTMENT, VISIT, CONSULTATION, ORDER, REDEMPTION, TOUCHPOINT, SURVEY, COMPLAINT }
    }
}

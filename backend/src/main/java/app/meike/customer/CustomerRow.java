package app.meike.customer;

import app.meike.customer.Customer.CustomerSource;
import app.meike.customer.Customer.Gender;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The fields of a customer an import reads and writes, as stored (or as they will be). */
record CustomerRow(UUID id, long version, String name, String phone, Gender gender, LocalDate birthDate,
                   CustomerSource source, UUID ownerId, List<String> tags, String notes, boolean consent,
                   String consentChannel, OffsetDateTime consentRecordedAt, OffsetDateTime firstVisitAt,
                   UUID referrerId, OffsetDateTime referrerAttachedAt, String referrerAttachedBy) {
}

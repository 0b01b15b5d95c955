package app.meike.membership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** When an earned lot stops being usable, in the chain's time zone. */
public enum PointsExpiryPolicy {
    /** Usable until 31 Dec of the year after earning (the common rule): expires at the next year's end. */
    END_OF_NEXT_YEAR,
    /** Usable for a number of months after earning. */
    AFTER_MONTHS;

    /** The first instant the lot earned at `earnedAt` can no longer be used. */
    OffsetDateTime expiresAt(OffsetDateTime earnedAt, Integer months, ZoneId zone) {
        var local = earnedAt.atZoneSameInstant(zone);
        var expires = switch (this) {
            case END_OF_NEXT_YEAR -> LocalDate.of(local.getYear() + 2, 1, 1).atStartOfDay(zone);
            case AFTER_MONTHS -> local.plusMonths(months);
        };
        return expires.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}

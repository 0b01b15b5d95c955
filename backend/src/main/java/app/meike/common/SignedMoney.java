package app.meike.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A signed change of money in minor units (negative where value leaves), e.g. a ledger entry's part. */
public record SignedMoney(
        @NotNull @Min(-100_000_000_000L) @Max(100_000_000_000L) Long amount,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency) {
}

package app.meike.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in minor units (fen for CNY) of a currency; never a floating-point number. */
public record Money(
        @NotNull @PositiveOrZero @Max(100_000_000_000L) Long amount,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency) {
}

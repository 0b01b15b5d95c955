import type { components } from '../api/schema';

type Money = components['schemas']['Money'];

/** Digits of a currency's minor unit: 2 for CNY (fen), 0 for JPY. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code: the API only allows ISO 4217 codes, most of which have 2 digits.
    return 2;
  }
}

/**
 * An amount as typed in major units ("6800.5" yuan) to integer minor units (680050 fen), by string
 * arithmetic so no floating-point rounding creeps in. Undefined when it is not a non-negative amount
 * with at most the currency's digits.
 */
export function toMinorUnits(major: string | number, currency: string): number | undefined {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(String(major).trim());
  const digits = minorDigits(currency);
  if (!match || (match[2] ?? '').length > digits) return undefined;
  return Number(match[1] + (match[2] ?? '').padEnd(digits, '0'));
}

/** Minor units back to the major-unit text a form shows: 680050 → "6800.50". */
export function toMajorUnits(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A price for people: ¥6,800.50 (zh-CN), CN¥6,800.50 (en-US). */
export function formatMoney(money: Money, locale: string): string {
  const major = toMajorUnits(money.amount, money.currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
      major as Intl.StringNumericLiteral,
    );
  } catch {
    return `${major} ${money.currency}`;
  }
}

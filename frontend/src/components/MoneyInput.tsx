import { InputNumber } from 'antd';
import type { CSSProperties } from 'react';
import { minorDigits, toMinorUnits } from './money';

/**
 * An amount in major units as text ("6800.5"), with the currency's digits; string mode, so no floating point.
 * A form control: `value` is that text, turned into minor units with {@link toMinorUnits}.
 */
export function MoneyInput({
  currency,
  testId,
  value,
  onChange,
  placeholder,
  disabled,
  style,
}: {
  currency: string;
  testId: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
}) {
  const digits = minorDigits(currency);
  return (
    <InputNumber<string>
      stringMode
      min="0"
      precision={digits}
      value={value ?? null}
      onChange={onChange}
      placeholder={placeholder}
      disabled={disabled}
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}

/** Minor units of an optional amount field: 0 when blank, undefined when not a valid amount. */
export function minorOf(value: string | null | undefined, currency: string): number | undefined {
  return value == null || value === '' ? 0 : toMinorUnits(value, currency);
}

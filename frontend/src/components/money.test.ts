import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, toMajorUnits, toMinorUnits } from './money';

describe('money', () => {
  it('turns typed yuan into fen exactly, refusing what is no amount', () => {
    expect(toMinorUnits('6800', 'CNY')).toBe(680000);
    expect(toMinorUnits('6800.5', 'CNY')).toBe(680050);
    expect(toMinorUnits('0.29', 'CNY')).toBe(29);
    // 0.1 + 0.2 style float errors cannot happen: 1.15 * 100 is 114.99999999999999 in floating point.
    expect(toMinorUnits('1.15', 'CNY')).toBe(115);
    expect(toMinorUnits(' 12.30 ', 'CNY')).toBe(1230);
    expect(toMinorUnits('1.999', 'CNY')).toBeUndefined();
    expect(toMinorUnits('-1', 'CNY')).toBeUndefined();
    expect(toMinorUnits('abc', 'CNY')).toBeUndefined();
    expect(toMinorUnits('500', 'JPY')).toBe(500);
    expect(toMinorUnits('500.5', 'JPY')).toBeUndefined();
  });

  it('shows fen as yuan', () => {
    expect(minorDigits('CNY')).toBe(2);
    expect(toMajorUnits(680050, 'CNY')).toBe('6800.50');
    expect(toMajorUnits(5, 'CNY')).toBe('0.05');
    expect(toMajorUnits(0, 'CNY')).toBe('0.00');
    expect(toMajorUnits(500, 'JPY')).toBe('500');
    expect(formatMoney({ amount: 680050, currency: 'CNY' }, 'zh-CN')).toBe('¥6,800.50');
    expect(formatMoney({ amount: 99999999999, currency: 'CNY' }, 'zh-CN')).toBe('¥999,999,999.99');
  });
});

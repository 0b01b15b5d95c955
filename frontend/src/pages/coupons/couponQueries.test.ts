import { describe, expect, it } from 'vitest';
import { currentMonth } from './couponQueries';

describe('currentMonth', () => {
  it('is the month it is in the chain’s time zone, not the browser’s', () => {
    const lateOnTheLastDayInUtc = new Date('2026-11-30T17:00:00Z');
    expect(currentMonth('Asia/Shanghai', lateOnTheLastDayInUtc)).toBe('2026-12');
    expect(currentMonth('Europe/London', lateOnTheLastDayInUtc)).toBe('2026-11');
    expect(currentMonth('America/Los_Angeles', new Date('2027-01-01T05:00:00Z'))).toBe('2026-12');
  });
});

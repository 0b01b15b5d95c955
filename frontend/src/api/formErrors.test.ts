import { describe, expect, it } from 'vitest';
import { matchField } from './formErrors';

describe('matchField', () => {
  const fields = [['code'], ['name'], ['admin', 'username'], ['admin', 'email'], ['clinicIds']];

  it('matches plain and nested field names', () => {
    expect(matchField('code', fields)).toEqual(['code']);
    expect(matchField('admin.username', fields)).toEqual(['admin', 'username']);
  });

  it('ignores framework prefixes and array indices', () => {
    expect(matchField('createClinic.body.code', fields)).toEqual(['code']);
    expect(matchField('clinicIds[0]', fields)).toEqual(['clinicIds']);
  });

  it('returns undefined for unknown fields', () => {
    expect(matchField('nonsense', fields)).toBeUndefined();
    expect(matchField('username', fields)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { matchField } from './formErrors';

describe('matchField', () => {
  const fields = [['code'], ['name'], ['username'], ['admin', 'username'], ['admin', 'email'], ['clinicIds']];

  it('matches plain and nested JSON paths', () => {
    expect(matchField('code', fields)).toEqual(['code']);
    expect(matchField('admin.username', fields)).toEqual(['admin', 'username']);
    expect(matchField('username', fields)).toEqual(['username']);
  });

  it('shows an element of a list on the list field', () => {
    expect(matchField('clinicIds[0]', fields)).toEqual(['clinicIds']);
    expect(matchField('clinicIds[12]', fields)).toEqual(['clinicIds']);
  });

  it('leaves paths that name no field of the form to the alert', () => {
    expect(matchField('body', fields)).toBeUndefined();
    expect(matchField('nonsense', fields)).toBeUndefined();
    expect(matchField('admin.displayName', fields)).toBeUndefined();
    // A nested path is not the top-level field of the same name.
    expect(matchField('owner.code', fields)).toBeUndefined();
  });
});

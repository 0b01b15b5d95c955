import { describe, expect, it } from 'vitest';
import { permissionsFor, type Role } from '../../roles';

describe('pack permissions by role', () => {
  const cases: [Role, { redeem: boolean; manage: boolean; templates: boolean; liabilities: boolean }][] = [
    ['tenant-admin', { redeem: true, manage: true, templates: true, liabilities: true }],
    ['manager', { redeem: true, manage: true, templates: false, liabilities: true }],
    ['front-desk', { redeem: true, manage: false, templates: false, liabilities: false }],
    ['clinician', { redeem: true, manage: false, templates: false, liabilities: false }],
    ['consultant', { redeem: false, manage: false, templates: false, liabilities: false }],
    ['platform-admin', { redeem: false, manage: false, templates: false, liabilities: false }],
  ];
  it.each(cases)('%s', (role, expected) => {
    const p = permissionsFor([role]);
    expect({
      redeem: p.canRedeemPacks,
      manage: p.canManagePacks,
      templates: p.nav.includes('packTemplates'),
      liabilities: p.nav.includes('liabilities'),
    }).toEqual(expected);
  });
});

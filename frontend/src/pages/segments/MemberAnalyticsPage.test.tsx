import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '../../api/schema';
import { captureDownloads, textOf } from '../../test/downloads';
import { FakeApi, json } from '../../test/fakeApi';
import { fill } from '../../test/fill';
import { clinic, me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

type Member = components['schemas']['SegmentMember'];
type Rules = components['schemas']['SegmentRules'];

const KEYS = ['NEW', 'ACTIVE', 'HIGH_VALUE', 'LOYAL', 'AT_RISK', 'CHURNED', 'VISITED_NOT_CONVERTED', 'ENTRY_ITEM_ONLY'];
const CUSTOM_ID = '01900000-0000-7000-8000-00000000c001';

function member(n: number, overrides: Partial<Member> = {}): Member {
  return {
    id: `01900000-0000-7000-8000-0000000m000${n}`.replace('m', 'a'),
    name: `会员${n}`,
    phone: `1380000000${n}`,
    phoneMasked: false,
    tier: { id: '01900000-0000-7000-8000-0000000t0001'.replace('t', 'b'), name: '金卡' },
    memberYear: 2,
    spend: { amount: 8_800_000, currency: 'CNY' },
    visits: 12,
    items: 4,
    score: 90 - n,
    lastVisitAt: '2026-11-20T02:00:00Z',
    homeClinicId: clinic(1).id,
    homeClinicName: clinic(1).name,
    ownerStaffId: null,
    ownerName: '李顾问',
    ...overrides,
  };
}

function managerApi() {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(['manager']))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/analytics/segments', (req: Request) => {
      const clinicId = new URL(req.url).searchParams.get('clinicId');
      return json({
        clinicId,
        asOf: '2026-12-03T10:00:00Z',
        items: [
          ...KEYS.map((key, i) => ({ key, kind: 'BUILT_IN', name: key, members: clinicId ? 1 : i + 2 })),
          { key: CUSTOM_ID, kind: 'CUSTOM', name: '金卡沉睡客', members: 5 },
        ],
      });
    })
    .on('GET', /^\/api\/v1\/analytics\/segments\/([^/]+)\/members$/, (req: Request) => {
      const clinicId = new URL(req.url).searchParams.get('clinicId');
      const items = clinicId ? [member(1)] : [member(1), member(2)];
      return json({ total: items.length, items, nextCursor: null });
    });
}

afterEach(() => vi.restoreAllMocks());

describe('Member analytics', () => {
  it('lists a segment’s members with counts, narrows to a clinic and opens a member', async () => {
    const user = userEvent.setup();
    const api = managerApi();
    renderApp(api, { path: '/analytics/members' });
    expect(await screen.findByTestId('nav-memberAnalytics')).toHaveTextContent('会员分析');
    expect(await screen.findByTestId('segment-member-' + member(2).id)).toHaveTextContent('会员2');
    expect(screen.getByTestId('segments-total')).toHaveTextContent('共 2 人');
    expect(api.calls('GET', '/api/v1/analytics/segments/ACTIVE/members')).toHaveLength(1);

    await user.click(within(screen.getByTestId('segments-picker')).getByRole('combobox'));
    expect(await screen.findByText('金卡沉睡客 · 5 人')).toBeInTheDocument();
    await user.click(await screen.findByText('高价值 · 4 人'));
    await waitFor(() => expect(api.calls('GET', '/api/v1/analytics/segments/HIGH_VALUE/members')).toHaveLength(1));

    await user.click(within(screen.getByTestId('segments-clinic')).getByRole('combobox'));
    await user.click(await screen.findByText(clinic(1).name, { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(screen.getByTestId('segments-total')).toHaveTextContent('共 1 人'));
    const [, narrowed] = api.calls('GET', '/api/v1/analytics/segments/HIGH_VALUE/members');
    expect(narrowed.query.get('clinicId')).toBe(clinic(1).id);

    await user.click(screen.getByTestId('segment-member-' + member(1).id));
    const drawer = await screen.findByTestId('segment-member-drawer');
    expect(drawer).toHaveTextContent('第 2 会员年');
    expect(drawer).toHaveTextContent('89');
    expect(screen.getByTestId('segment-member-open-customer')).toHaveAttribute('href', `/customers/${member(1).id}`);
  });

  it('exports the segment as the server’s CSV and says how many rows', async () => {
    const user = userEvent.setup();
    const saved = captureDownloads();
    const api = managerApi().on(
      'GET',
      '/api/v1/analytics/segments/ACTIVE/export',
      () =>
        new Response('\uFEFFid,name\r\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="segment-active-2026-12-03.csv"', 'X-Total-Count': '2' },
        }),
    );
    renderApp(api, { path: '/analytics/members' });
    await screen.findByTestId('segment-member-' + member(1).id);
    await user.click(screen.getByTestId('segments-export'));
    expect(await screen.findByText('已导出 2 人（已记入审计日志）')).toBeInTheDocument();
    expect(saved.map((s) => s.fileName)).toEqual(['segment-active-2026-12-03.csv']);
    expect((await textOf(saved[0].blob)).text).toBe('id,name\r\n');
  });

  it('confirms the member count and issues coupons under an Idempotency-Key', async () => {
    const user = userEvent.setup();
    const api = managerApi()
      .on('GET', '/api/v1/coupons/types', { items: [{ id: '01900000-0000-7000-8000-0000000c0de1', name: '回馈券' }], nextCursor: null })
      .on('POST', '/api/v1/analytics/segments/ACTIVE/coupons', { segment: 'ACTIVE', matched: 2, done: 1, skipped: [{ reason: 'ALREADY_ISSUED', count: 1 }] });
    renderApp(api, { path: '/analytics/members' });
    await screen.findByTestId('segment-member-' + member(1).id);
    await user.click(screen.getByTestId('segments-coupons'));
    expect(await screen.findByTestId('segment-coupons-confirm')).toHaveTextContent('2 位会员');
    await user.click(within(screen.getByTestId('segment-coupons-type')).getByRole('combobox'));
    await user.click(await screen.findByText('回馈券'));
    await fill(user, screen.getByTestId('segment-coupons-campaign'), 'winter');
    await user.click(screen.getByTestId('segment-coupons-submit'));
    expect(await screen.findByText('已发 1 张，跳过 1 位（已持有）')).toBeInTheDocument();
    const [post] = api.calls('POST', '/api/v1/analytics/segments/ACTIVE/coupons');
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({ couponTypeId: '01900000-0000-7000-8000-0000000c0de1', campaign: 'winter' });
  });

  it('is not on a consultant’s menu', async () => {
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['consultant']))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
      .on('GET', '/api/v1/appointments', { items: [], nextCursor: null })
      .on('GET', '/api/v1/visits', { items: [], nextCursor: null });
    renderApp(api);
    await screen.findByTestId('nav-customers');
    expect(screen.queryByTestId('nav-memberAnalytics')).not.toBeInTheDocument();
  });
});

describe('Segment rules', () => {
  const DEFAULTS: Rules = { configured: false, newWithinDays: 30, highValueSpend: { amount: 5_000_000, currency: 'CNY' }, highValueScore: 80, loyalMemberYears: 2, loyalVisits: 6, updatedAt: null, version: 0 };

  it('saves the chain’s first definitions with If-Match "0", money in minor units', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', '/api/v1/me', me(['tenant-admin']))
      .on('GET', '/api/v1/clinics', { items: [], nextCursor: null })
      .on('GET', '/api/v1/analytics/segments/rules', json(DEFAULTS, 200, { ETag: '"0"' }))
      .on('PUT', '/api/v1/analytics/segments/rules', json({ ...DEFAULTS, configured: true, newWithinDays: 14, version: 1 }, 200, { ETag: '"1"' }));
    renderApp(api, { path: '/settings/segment-rules' });
    expect(await screen.findByTestId('nav-segmentRules')).toHaveTextContent('分群规则');
    await user.clear(await screen.findByTestId('segment-rules-new-days'));
    await fill(user, screen.getByTestId('segment-rules-new-days'), '14');
    await user.clear(screen.getByTestId('segment-rules-high-spend'));
    await fill(user, screen.getByTestId('segment-rules-high-spend'), '30000');
    await user.click(screen.getByTestId('segment-rules-save'));
    await waitFor(() => expect(api.calls('PUT', '/api/v1/analytics/segments/rules')).toHaveLength(1));
    const [put] = api.calls('PUT', '/api/v1/analytics/segments/rules');
    expect(put.headers.get('If-Match')).toBe('"0"');
    expect(put.body).toEqual({ newWithinDays: 14, highValueSpend: { amount: 3_000_000, currency: 'CNY' }, highValueScore: 80, loyalMemberYears: 2, loyalVisits: 6 });
  });
});

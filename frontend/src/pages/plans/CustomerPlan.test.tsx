import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { fill } from '../../test/fill';
import { json, problem } from '../../test/fakeApi';
import { catalogItem, customer } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { walletApi } from '../../test/walletFixtures';
import { curveData, linesToSend } from './CustomerPlan';

type Plan = components['schemas']['TreatmentPlan'];
type User = ReturnType<typeof userEvent.setup>;

const HER = customer(1);
const WATER = catalogItem(1, { name: '水光针' });
const THERMAGE = catalogItem(2, { name: '热玛吉' });
const PLAN_PATH = `/api/v1/customers/${HER.id}/plan`;
const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** Her plan in month 3 of her first member year: version 1 plans 水光针 in month 1; she bought and used some. */
function plan(version = 1): Plan {
  const planned = [300000, 100000, 100000, 0, 0, 100000, 0, 0, 0, 0, 0, 0];
  const purchased = [200000, 300000, 450000];
  const redeemed = [0, 75000, 0];
  let p = 0;
  let b = 0;
  let r = 0;
  return {
    customerId: HER.id,
    memberYear: { number: 1, start: '2027-01-31T04:00:00+08:00', end: '2028-01-31T04:00:00+08:00', current: true },
    version,
    current:
      version === 0
        ? null
        : {
            version,
            reason: null,
            plannedTotal: cny(200000),
            createdBy: 'kc-1',
            createdByName: '王咨询',
            createdAt: '2027-01-31T05:00:00+08:00',
            lines: [{ lineNo: 1, itemId: WATER.id, itemName: '水光针', month: 1, quarter: null, quantity: 2, estimatedAmount: cny(200000), note: null, consultationId: null, needRank: null }],
          },
    curve: planned.map((amount, i) => {
      p += amount;
      const begun = i < 3;
      if (begun) {
        b += purchased[i];
        r += redeemed[i];
      }
      return {
        month: i + 1,
        from: `2027-${String(i + 1).padStart(2, '0')}-28T04:00:00+08:00`,
        to: `2027-${String(i + 2).padStart(2, '0')}-28T04:00:00+08:00`,
        planned: cny(amount),
        plannedCumulative: cny(p),
        purchased: begun ? cny(purchased[i]) : null,
        purchasedCumulative: begun ? cny(b) : null,
        redeemed: begun ? cny(redeemed[i]) : null,
        redeemedCumulative: begun ? cny(r) : null,
      };
    }),
    items: [
      { itemId: WATER.id, packTemplateId: null, name: '水光针', plannedQuantity: 2, planned: cny(200000), purchased: { amount: 150000, currency: 'CNY' }, redeemedSessions: 1, redeemed: cny(75000), months: [] },
    ],
    asOf: '2027-04-10T10:00:00+08:00',
  };
}

function api(roles: Parameters<typeof walletApi>[0], current: Plan | Response = plan()) {
  return walletApi(roles, HER, { account: null, entries: [] })
    .on('GET', PLAN_PATH, current instanceof Response ? current : json(current, 200, { ETag: `"${current.version}"` }))
    .on('GET', '/api/v1/catalog/items', { items: [WATER, THERMAGE], nextCursor: null })
    .on('GET', `${PLAN_PATH}/versions`, {
      customerId: HER.id,
      memberYear: plan().memberYear,
      items: [{ version: 1, reason: null, plannedTotal: cny(200000), lineCount: 1, createdByName: '王咨询', createdAt: '2027-01-31T05:00:00+08:00' }],
    })
    .on('GET', `${PLAN_PATH}/versions/1`, plan().current as object);
}

async function openTab(user: User) {
  await user.click(await screen.findByRole('tab', { name: '年度规划' }));
  return screen.findByTestId('customer-plan');
}

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole('combobox'));
  await user.click(await screen.findByTitle(option));
}

describe('Customer annual plan tab', () => {
  it('draws the cumulative curve, the progress by item and the versions', async () => {
    const user = userEvent.setup();
    renderApp(api(['consultant']), { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    expect(within(tab).getByTestId('plan-version')).toHaveTextContent('版本 1');
    await waitFor(() => expect(within(tab).getByTestId('plan-curve').querySelector('svg')).not.toBeNull());
    expect(within(tab).getByTestId('plan-items')).toHaveTextContent('水光针');
    expect(within(tab).getByTestId('plan-item-purchased')).toHaveTextContent('¥1,500.00');
    expect(await within(tab).findByTestId('plan-version-reason')).toHaveTextContent('初版');
    await user.click(within(tab).getByTestId('plan-view-version-1'));
    expect(await screen.findByTestId('plan-version-lines')).toHaveTextContent('第1月');
  });

  it('lets a consultant revise the plan, prefilled from her consultation needs, as a new version with a reason', async () => {
    const user = userEvent.setup();
    const fake = api(['consultant'])
      .on('GET', `${PLAN_PATH}/suggestions`, {
        customerId: HER.id,
        memberYear: plan().memberYear,
        items: [
          { itemId: WATER.id, itemName: '水光针', month: null, quarter: 1, quantity: 1, estimatedAmount: cny(100000), consultationId: 'c-1', needRank: 2, concern: '缺水', consultedAt: '2027-01-20T10:00:00+08:00' },
          { itemId: THERMAGE.id, itemName: '热玛吉', month: null, quarter: 2, quantity: 1, estimatedAmount: cny(500000), consultationId: '01900000-0000-7000-8000-00000000f001', needRank: 1, concern: '法令纹', consultedAt: '2027-01-20T10:00:00+08:00' },
        ],
      })
      .on('PUT', PLAN_PATH, () => json(plan(2), 200, { ETag: '"2"' }));
    renderApp(fake, { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    await user.click(within(tab).getByTestId('plan-prefill'));
    // 水光针 is planned already; only 热玛吉 is new.
    expect(await within(tab).findByTestId('plan-line-1')).toBeInTheDocument();
    expect(within(tab).queryByTestId('plan-line-2')).not.toBeInTheDocument();
    expect(within(tab).getByTestId('plan-line-1')).toHaveTextContent('来自咨询需求：法令纹');

    await user.click(within(tab).getByTestId('plan-save'));
    expect(await within(tab).findByText('修改已有规划时请写明原因')).toBeInTheDocument();
    await fill(user, within(tab).getByTestId('plan-reason'), '加入热玛吉');
    await user.click(within(tab).getByTestId('plan-save'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"1"');
    expect(put?.body).toEqual({
      reason: '加入热玛吉',
      lines: [
        { itemId: WATER.id, month: 1, quantity: 2, estimatedAmount: cny(200000) },
        { itemId: THERMAGE.id, quarter: 2, quantity: 1, estimatedAmount: cny(500000), consultationId: '01900000-0000-7000-8000-00000000f001', needRank: 1 },
      ],
    });
    expect(await screen.findByText('已保存为第 2 版')).toBeInTheDocument();
  });

  it('drafts a first plan line by line, with no reason needed', async () => {
    const user = userEvent.setup();
    const fake = api(['manager'], plan(0)).on('PUT', PLAN_PATH, () => json(plan(1), 200, { ETag: '"1"' }));
    renderApp(fake, { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    expect(within(tab).getByTestId('plan-version')).toHaveTextContent('尚未制定规划');
    await user.click(within(tab).getByTestId('plan-save'));
    expect(await within(tab).findByText('至少添加一个项目')).toBeInTheDocument();
    await user.click(within(tab).getByTestId('plan-add-line'));
    await pick(user, 'plan-line-item-0', '热玛吉');
    await pick(user, 'plan-line-period-0', '第3季度');
    await fill(user, within(tab).getByTestId('plan-line-amount-0'), '18800');
    await user.click(within(tab).getByTestId('plan-save'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"0"');
    expect(put?.body).toEqual({ lines: [{ itemId: THERMAGE.id, quarter: 3, quantity: 1, estimatedAmount: cny(1880000) }] });
  });

  it('offers a reload when someone saved the plan in between', async () => {
    const user = userEvent.setup();
    const fake = api(['consultant']).on('PUT', PLAN_PATH, problem(412, { type: 'https://meike.app/problems/precondition-failed', title: 'Changed by someone else', detail: 'now version 2' }));
    renderApp(fake, { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    await fill(user, within(tab).getByTestId('plan-reason'), '调整');
    await user.click(within(tab).getByTestId('plan-save'));
    expect(await within(tab).findByTestId('plan-save-error')).toBeInTheDocument();
  });

  it('reads her next member year when chosen, still naming the current one', async () => {
    const user = userEvent.setup();
    const next: Plan = { ...plan(0), memberYear: { number: 2, start: '2028-01-31T04:00:00+08:00', end: '2029-01-31T04:00:00+08:00', current: false } };
    const fake = api(['consultant']).on('GET', PLAN_PATH, (req) =>
      new URL(req.url).searchParams.get('memberYear') === '2' ? json(next, 200, { ETag: '"0"' }) : json(plan(), 200, { ETag: '"1"' }),
    );
    renderApp(fake, { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    await pick(user, 'plan-member-year', '第 2 会员年');
    await waitFor(() => expect(within(tab).getByTestId('plan-version')).toHaveTextContent('尚未制定规划'));
    expect(fake.requests.filter((r) => r.path === PLAN_PATH).map((r) => r.query.get('memberYear'))).toEqual([null, '2']);
    await user.click(within(screen.getByTestId('plan-member-year')).getByRole('combobox'));
    expect(await screen.findByTitle('第 1 会员年 · 当前')).toBeInTheDocument();
  });

  it('shows the front desk the plan without an editor', async () => {
    const user = userEvent.setup();
    renderApp(api(['front-desk']), { path: `/customers/${HER.id}` });
    const tab = await openTab(user);
    expect(within(tab).getByTestId('plan-items')).toBeInTheDocument();
    expect(within(tab).queryByTestId('plan-save')).not.toBeInTheDocument();
  });

  it('says a customer who has paid for nothing has no member year to plan', async () => {
    const user = userEvent.setup();
    renderApp(api(['consultant'], problem(422, { type: 'https://meike.app/problems/business-rule', title: 'Not possible', detail: 'not converted' })), {
      path: `/customers/${HER.id}`,
    });
    await user.click(await screen.findByRole('tab', { name: '年度规划' }));
    expect(await screen.findByTestId('plan-not-converted')).toHaveTextContent('她还没有付款成交');
  });
});

describe('plan helpers', () => {
  it('stops the actual series where the months to come begin', () => {
    const data = curveData(plan(), { month: (n) => `M${n}`, planned: 'p', purchased: 'b', redeemed: 'r' });
    expect(data.months).toHaveLength(12);
    expect(data.series[0].values[11]).toBe(6000);
    expect(data.series[1].values.slice(0, 4)).toEqual([2000, 5000, 9500, null]);
    expect(data.series[2].values.slice(0, 3)).toEqual([0, 750, 750]);
  });

  it('sends a month or a quarter, and a need only with its consultation', () => {
    expect(linesToSend([{ itemId: 'i', period: 'M12', quantity: 2, amount: '10.5', needRank: 1 }], 'CNY')).toEqual([
      { itemId: 'i', month: 12, quantity: 2, estimatedAmount: { amount: 1050, currency: 'CNY' } },
    ]);
  });
});

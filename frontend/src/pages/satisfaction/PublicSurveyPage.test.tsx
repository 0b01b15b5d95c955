import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, json, problem } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const TOKEN = 'q3Jw6Hc0vJ2mZpLw1n7aYkXo9sTt4uVbRfEeDdCcBbA';
const PATH = `/api/v1/public/surveys/${TOKEN}`;
const SURVEY = { clinicName: '静安店', visitDate: '2026-03-10', items: ['光子嫩肤'], submitted: false, expiresAt: '2026-03-13T10:00:00+08:00' };

describe('Public survey link', () => {
  it('opens without signing in, in Chinese, and sends the customer’s scores once', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().on('GET', PATH, SURVEY).on('POST', PATH, json({ submitted: true, message: 'Thank you for your feedback' }));
    renderApp(api, { path: `/s/${TOKEN}`, status: 'signedOut' });
    expect(await screen.findByTestId('public-survey-intro')).toHaveTextContent('感谢您 2026-03-10 光临静安店');
    expect(screen.getByText('光子嫩肤')).toBeInTheDocument();
    expect(api.calls('GET', '/api/v1/me')).toHaveLength(0);

    await user.click(screen.getByTestId('public-survey-submit'));
    expect(await screen.findAllByText('请为每一项打分')).toHaveLength(3);
    expect(api.calls('POST', PATH)).toHaveLength(0);

    const stars = (testId: string) => screen.getByTestId(testId).querySelectorAll('.ant-rate-star > div');
    await user.click(stars('public-survey-result')[1]);
    await user.click(stars('public-survey-experience')[3]);
    await user.click(screen.getByTestId('public-survey-nps-5'));
    await user.type(screen.getByTestId('public-survey-comment'), '效果不如预期');
    await user.click(screen.getByTestId('public-survey-submit'));

    expect(await screen.findByTestId('public-survey-thanks')).toHaveTextContent('感谢您的反馈');
    expect(api.calls('POST', PATH)[0].body).toEqual({ resultScore: 2, experienceScore: 4, nps: 5, comment: '效果不如预期' });
  });

  it('says so when the link was used already, has expired, or is not one of ours', async () => {
    const answered = new FakeApi().on('GET', PATH, problem(410, { type: 'https://meike.app/problems/survey-answered', title: 'Survey answered already' }));
    const { unmount } = renderApp(answered, { path: `/s/${TOKEN}`, status: 'signedOut' });
    expect(await screen.findByTestId('public-survey-unavailable')).toHaveTextContent('此问卷已填写过');
    unmount();

    const expired = new FakeApi().on('GET', PATH, problem(410, { type: 'https://meike.app/problems/survey-expired', title: 'Survey link expired' }));
    const second = renderApp(expired, { path: `/s/${TOKEN}`, status: 'signedOut' });
    expect(await screen.findByTestId('public-survey-unavailable')).toHaveTextContent('此问卷链接已过期');
    second.unmount();

    renderApp(new FakeApi(), { path: `/s/${TOKEN}`, status: 'signedOut', locale: 'en-US' });
    expect(await screen.findByTestId('public-survey-unavailable')).toHaveTextContent('This survey was not found');
  });

  it('shows the used-up message when a second tab submitted first', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .on('GET', PATH, SURVEY)
      .on('POST', PATH, problem(410, { type: 'https://meike.app/problems/survey-answered', title: 'Survey answered already' }));
    renderApp(api, { path: `/s/${TOKEN}`, status: 'signedOut' });
    await screen.findByTestId('public-survey-form');
    const stars = (testId: string) => screen.getByTestId(testId).querySelectorAll('.ant-rate-star > div');
    await user.click(stars('public-survey-result')[4]);
    await user.click(stars('public-survey-experience')[4]);
    await user.click(screen.getByTestId('public-survey-nps-10'));
    await user.click(screen.getByTestId('public-survey-submit'));
    await waitFor(() => expect(screen.getByTestId('public-survey-unavailable')).toHaveTextContent('此问卷已填写过'));
  });
});

import { DEFAULT_ALERT_SETTINGS, alertSettingsFrom } from '@csc/alerts';
import { ConfigError, loadConfig } from '@csc/config';

describe('alert settings from the configuration', () => {
  it('are the documented defaults when nothing is set', () => {
    expect(alertSettingsFrom(loadConfig({}))).toEqual(DEFAULT_ALERT_SETTINGS);
  });

  it('take every CSC_ALERT_* setting', () => {
    const settings = alertSettingsFrom(
      loadConfig({
        CSC_ALERT_ESCALATION: 'false',
        CSC_ALERT_SMTP_URL: 'smtps://user:pw@mail.example:465',
        CSC_ALERT_EMAIL_FROM: 'timescales@council.example',
        CSC_ALERT_WEBHOOK_URL: 'https://cms.council.example/hooks/csc',
        CSC_ALERT_WEBHOOK_SECRET: '0123456789abcdef',
        CSC_ALERT_RECONCILE_INTERVAL_MS: '0',
        CSC_ALERT_WORKER_CONCURRENCY: '4',
      }),
    );
    expect(settings).toMatchObject({
      policy: { escalation: { enabled: false, workingDays: 1 } },
      smtpUrl: 'smtps://user:pw@mail.example:465',
      emailFrom: 'timescales@council.example',
      webhookUrl: 'https://cms.council.example/hooks/csc',
      webhookSecret: '0123456789abcdef',
      reconcileIntervalMs: 0,
      concurrency: 4,
    });
  });

  it('refuse a webhook without a signing secret of 16 characters, naming the setting', () => {
    expect(() => loadConfig({ CSC_ALERT_WEBHOOK_URL: 'https://cms.council.example/hooks', CSC_ALERT_WEBHOOK_SECRET: 'short' })).toThrow(
      expect.objectContaining({ problems: [expect.stringMatching(/^CSC_ALERT_WEBHOOK_URL=.*needs CSC_ALERT_WEBHOOK_SECRET of at least 16 characters/)] }) as ConfigError,
    );
  });

  it('refuse a mail server that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ CSC_ALERT_SMTP_URL: 'http://mail' })).toThrow(/CSC_ALERT_SMTP_URL="http:\/\/mail": must be an smtp:\/\/ or smtps:\/\/ URL, or empty/);
  });
});

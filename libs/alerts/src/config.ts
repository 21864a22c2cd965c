import type { EngineConfig } from '@csc/config';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from './policy';

type AlertConfig = Pick<
  EngineConfig,
  | 'alertEscalation'
  | 'alertSmtpUrl'
  | 'alertEmailFrom'
  | 'alertWebhookUrl'
  | 'alertWebhookSecret'
  | 'alertReconcileIntervalMs'
  | 'alertWorkerConcurrency'
>;

/** The alert worker's settings from the engine's validated configuration (CSC_ALERT_*). */
export function alertSettingsFrom(config: AlertConfig): AlertSettings {
  return {
    ...DEFAULT_ALERT_SETTINGS,
    policy: {
      ...DEFAULT_ALERT_SETTINGS.policy,
      escalation: { ...DEFAULT_ALERT_SETTINGS.policy.escalation, enabled: config.alertEscalation },
    },
    smtpUrl: config.alertSmtpUrl,
    emailFrom: config.alertEmailFrom,
    webhookUrl: config.alertWebhookUrl,
    webhookSecret: config.alertWebhookSecret,
    reconcileIntervalMs: config.alertReconcileIntervalMs,
    concurrency: config.alertWorkerConcurrency,
  };
}

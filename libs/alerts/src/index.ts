export { ALERT_EVENT_TYPES, alertEventId, foldCaseWithAlerts, isAlertEventType, type AlertEventData, type AlertEventType, type AlertKind, type FoldedCase, type Recipient } from './events';
export { DEFAULT_ALERT_POLICY, DEFAULT_ALERT_SETTINGS, type AlertPolicy, type AlertSettings } from './policy';
export { alertSettingsFrom } from './config';
export { escalationAt, planCase, planFolded, type CasePlan, type PlanContext, type PlannedAlert } from './plan';
export { DELIVERY_QUEUE, FIRE_QUEUE, FIRE_RUN_OPTIONS, bullPrefix, fireJobData, fireJobId, fireJobOf, fireJobOptions, withRunOptions, type FireJob, type FireJobData } from './jobs';
export { FireQueue } from './fire-queue';
export { syncCase, type SyncDependencies, type SyncResult } from './sync';
export type { CaseFoldStats } from './case-folds';
export { reconcile, type ReconcileReport } from './reconcile';
export { AlertScheduler, type SchedulerOptions } from './scheduler';
export { AlertProcessor, type AlertNotice, type FireOutcome, type NoticeSink, type ProcessorOptions } from './processor';
export { Deliveries, type DeliveriesOptions, type DeliveryJobData, type DeliveryState, type DeliveryStatus } from './delivery/deliveries';
export type { DeliveryChannel } from './delivery/channel';
export { InboxChannel } from './delivery/inbox';
export { EmailChannel, type AddressBook, type EmailChannelOptions } from './delivery/email';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookChannel, signWebhook, verifyWebhook, type WebhookChannelOptions } from './delivery/webhook';
export { AlertConflictError, AlertError, DeliveryError, EvictionPolicyError } from './errors';
export { assertEvictionPolicy } from './redis-policy';
export { SCHEDULER_SUBSCRIBER, deleteKeysUnder } from './keys';
export {
  ALERT_LOCK_MS, ALERT_MAX_STALLED, ALERT_STALLED_CHECK_MS, alertWorkerOptions, channelsFor, fireJobProcessor, reconcileRound, startAlerts, startDeliveryWorker, startFireWorker,
  type AlertRuntime, type AlertRuntimeOptions,
} from './runtime';

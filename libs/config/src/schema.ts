import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, Validate } from 'class-validator';
import { AuthSourcesConsistent } from './auth-rules';
import { WebhookSigned } from './alert-rules';

/**
 * Every setting the engine reads, with its environment variable name.
 * `.env.example` documents them; `docker-compose.yml` may only use these names
 * (a unit test checks both against this list).
 */
export const ENV = {
  eventStore: 'CSC_EVENT_STORE',
  dataDir: 'CSC_DATA_DIR',
  redisUrl: 'CSC_REDIS_URL',
  redisPrefix: 'CSC_REDIS_PREFIX',
  listenHost: 'CSC_LISTEN_HOST',
  apiPort: 'CSC_API_PORT',
  workerPort: 'CSC_WORKER_PORT',
  timeZone: 'CSC_TIME_ZONE',
  logLevel: 'CSC_LOG_LEVEL',
  rulebook: 'CSC_RULEBOOK',
  authIssuer: 'CSC_AUTH_ISSUER',
  authAudience: 'CSC_AUTH_AUDIENCE',
  authJwksUrl: 'CSC_AUTH_JWKS_URL',
  authPublicKeys: 'CSC_AUTH_PUBLIC_KEYS',
  authRolesClaim: 'CSC_AUTH_ROLES_CLAIM',
  authTeamsClaim: 'CSC_AUTH_TEAMS_CLAIM',
  authDevKeys: 'CSC_AUTH_DEV_KEYS',
  apiRateLimit: 'CSC_API_RATE_LIMIT',
  metricsToken: 'CSC_METRICS_TOKEN',
  sessionSecret: 'CSC_SESSION_SECRET',
  oidcClientId: 'CSC_OIDC_CLIENT_ID',
  oidcClientSecret: 'CSC_OIDC_CLIENT_SECRET',
  publicUrl: 'CSC_PUBLIC_URL',
  alertEscalation: 'CSC_ALERT_ESCALATION',
  alertSmtpUrl: 'CSC_ALERT_SMTP_URL',
  alertEmailFrom: 'CSC_ALERT_EMAIL_FROM',
  alertWebhookUrl: 'CSC_ALERT_WEBHOOK_URL',
  alertWebhookSecret: 'CSC_ALERT_WEBHOOK_SECRET',
  alertReconcileIntervalMs: 'CSC_ALERT_RECONCILE_INTERVAL_MS',
  alertWorkerConcurrency: 'CSC_ALERT_WORKER_CONCURRENCY',
  rebuildThreads: 'CSC_REBUILD_THREADS',
} as const;

export type SettingName = keyof typeof ENV;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Statutory arithmetic is done on Europe/London local dates; no other zone is meaningful. */
export const STATUTORY_TIME_ZONE = 'Europe/London';

export class EngineConfig {
  /** `embedded`, a `postgres://` / `postgresql://` URL, or an `esdb://` / `kurrentdb://` URL. */
  @IsString()
  @Matches(/^(embedded|postgres(ql)?:\/\/.+|(esdb|kurrentdb|kurrent)(\+discover)?:\/\/.+)$/, {
    message: 'must be "embedded", a postgres:// URL or an esdb:// URL',
  })
  eventStore: string = 'embedded';

  /** Folder of the embedded store (and other local state). */
  @IsString()
  @IsNotEmpty()
  dataDir: string = './data';

  @IsString()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  redisUrl: string = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key and BullMQ queue: lets deployments and tests share one Redis. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'must be 1-63 lower-case letters, digits, "-" or "_"' })
  redisPrefix: string = 'csc';

  /** Address the HTTP servers bind to: loopback by default; 0.0.0.0 in a container. */
  @IsString()
  @Matches(/^(\d{1,3}(\.\d{1,3}){3}|::1?|localhost)$/, { message: 'must be an IP address such as 127.0.0.1 or 0.0.0.0' })
  listenHost: string = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  apiPort: number = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  workerPort: number = 3001;

  @IsIn([STATUTORY_TIME_ZONE], { message: `must be ${STATUTORY_TIME_ZONE}: statutory timescales are counted on local dates in England` })
  timeZone: string = STATUTORY_TIME_ZONE;

  @IsIn(LOG_LEVELS)
  logLevel: (typeof LOG_LEVELS)[number] = 'info';

  /**
   * The rulebook that computes this council's due dates: `national` (statute and
   * statutory guidance) or a council overlay such as `enfield`. Each event records
   * the release it was decided under, so changing this never moves a past due date.
   */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be a rulebook name such as national or enfield' })
  rulebook: string = 'national';

  /** Expected `iss` of bearer tokens (the council's OIDC provider); empty: no real tokens are accepted. */
  @IsString()
  @Matches(/^(|https?:\/\/\S+|[a-z][a-z0-9+.-]*:\S+)$/, { message: 'must be the issuer URL of the OIDC provider' })
  @Validate(AuthSourcesConsistent)
  authIssuer: string = '';

  /** Expected `aud` of bearer tokens (the API's application id or URI at the provider). */
  @IsString()
  @IsNotEmpty()
  authAudience: string = 'csc-api';

  /** Where the provider publishes its signing keys; https, or http on loopback only. */
  @IsString()
  @Matches(/^(|https:\/\/\S+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/\S*)$/, { message: 'must be an https:// URL (http:// only on loopback)' })
  authJwksUrl: string = '';

  /** A file of trusted public keys (a JWKS JSON document or PEM public keys), instead of or beside the JWKS URL. */
  @IsString()
  authPublicKeys: string = '';

  /** Claim holding the engine roles (a dotted path such as realm_access.roles is followed). */
  @IsString()
  @Matches(/^[A-Za-z0-9_:/.-]+$/, { message: 'must be a claim name or a dotted path' })
  authRolesClaim: string = 'roles';

  /** Claim holding the user's team references. */
  @IsString()
  @Matches(/^[A-Za-z0-9_:/.-]+$/, { message: 'must be a claim name or a dotted path' })
  authTeamsClaim: string = 'teams';

  /** Accept tokens minted by `csc token` with the local development key. Never in production. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  authDevKeys: boolean = false;

  /** Requests per user per minute the api serves before answering 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  apiRateLimit: number = 600;

  /**
   * Bearer token that /metrics (api and worker) requires; empty: /metrics answers only requests
   * from loopback that no proxy forwarded.
   */
  @IsString()
  @Matches(/^(|[\x21-\x7E]{16,})$/, { message: 'must be at least 16 visible ASCII characters, no spaces (or empty)' })
  metricsToken: string = '';

  /** Signs the pages' session and CSRF cookies (32 characters or more); empty: pages sign-in is off, except in demo mode (random per process). */
  @IsString()
  @Matches(/^(|.{32,})$/, { message: 'must be at least 32 characters (or empty)' })
  sessionSecret: string = '';

  /** The pages' client id at the OIDC provider (CSC_AUTH_ISSUER), for sign-in with the authorization-code flow. */
  @IsString()
  oidcClientId: string = '';

  /** The client secret, if the provider registered the pages as a confidential client (PKCE is used either way). */
  @IsString()
  oidcClientSecret: string = '';

  /** This service's public origin; the sign-in callback is <CSC_PUBLIC_URL>/app/sign-in/callback. */
  @IsString()
  @Matches(/^(|https?:\/\/[^\s/]+(\/\S*)?)$/, { message: 'must be an http:// or https:// origin (or empty)' })
  publicUrl: string = '';

  /** Escalate a breach still open a working day later to the team manager. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  alertEscalation: boolean = true;

  /** SMTP server for alert emails (smtp:// or smtps://, credentials in the URL); empty: no email. */
  @IsString()
  @Matches(/^(|smtps?:\/\/\S+)$/, { message: 'must be an smtp:// or smtps:// URL, or empty' })
  alertSmtpUrl: string = '';

  /** Sender address of alert emails. */
  @IsString()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'must be an email address' })
  alertEmailFrom: string = 'alerts@localhost';

  /** Where every alert is POSTed, signed with HMAC-SHA256; empty: no webhook. */
  @IsString()
  @Matches(/^(|https?:\/\/\S+)$/, { message: 'must be an http:// or https:// URL, or empty' })
  @Validate(WebhookSigned)
  alertWebhookUrl: string = '';

  /** Key of the webhook signature (at least 16 characters when a webhook URL is set). */
  @IsString()
  alertWebhookSecret: string = '';

  /** Full reconciliation of alert jobs against the events every this many ms (0: only at start-up and on demand). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  alertReconcileIntervalMs: number = 900_000;

  /** Alert firing jobs one worker processes at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(256)
  alertWorkerConcurrency: number = 16;

  /** Threads `csc rebuild` reads and folds the log in, each a share of the streams: its own and worker threads, on PostgreSQL (0: one per core, at most 8; 1: its own alone). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(64)
  rebuildThreads: number = 0;
}

export type EventStoreKind = 'embedded' | 'postgres' | 'eventstoredb';

export function eventStoreKind(config: Pick<EngineConfig, 'eventStore'>): EventStoreKind {
  if (config.eventStore === 'embedded') return 'embedded';
  if (/^postgres(ql)?:\/\//.test(config.eventStore)) return 'postgres';
  return 'eventstoredb';
}

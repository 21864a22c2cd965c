export { INBOX_STREAM_PREFIX, ProjectionKeys, QUEUES_SUBSCRIBER, inboxStreamId, liveKeys, userKey } from './keys';
export {
  allegationView, caseView, inboxAlert, type AllegationView, type CaseView, type InboxAlert, type OpenAllegationDeadline, type OpenDeadline, type OpenPathway,
} from './view';
export type { QueueChange } from './writer';
export { RedisLease, type LeaseOptions } from './lease';
export { QueueProjector, deleteUnder, type ProjectorOptions, type RebuildProgress, type RebuildReport } from './projector';
export type { RebuildThreads } from './rebuild-threads';
export {
  QueueReader, dueHorizon, type AllegationDeadlineItem, type AllegationItem, type CaseSummary, type Inbox, type InboxItem, type InboxRecipient, type Page, type QueueItem,
  type QueueOwner,
} from './queries';
export { INBOX_READ_EVENT, MAX_READ_MARKS, recordInboxRead } from './inbox';
export { explainDeadline } from './explain';
export { FeedTokens } from './feed-tokens';
export { icalendar } from './ical';
export { PROJECTIONS, type ProjectionName } from './names';

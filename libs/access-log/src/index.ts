export { ACCESS_EVENT_TYPE, accessStreamId, readAccessLog, recordAccess, type AccessEntry, type AccessRecord, type AccessWhat } from './access-log';

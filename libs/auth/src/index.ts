export { ROLES, isRole, type Principal, type Role } from './principal';
export { AuthKeysUnavailableError, AuthenticationError, ForbiddenError } from './errors';
export { principalFromClaims, type ClaimNames } from './claims';
export { ALLOWED_ALGORITHMS, CLOCK_TOLERANCE_SECONDS, createTokenVerifier, refusingVerifier, type TokenVerifier, type VerifierSettings } from './verify';
export { parsePublicKeys, readPublicKeys } from './keys';
export { DEV_ISSUER, DEV_KEY_FILE, devVerifierSettings, loadOrCreateDevKey, mintDevToken, parseTtl, type DevKey, type DevTokenRequest } from './dev-key';
export { NOT_CONFIGURED, verifierFromConfig, type AuthConfig } from './from-config';
export { MANAGER_COMMANDS, authorise, type AccessDecision, type Action, type CaseAccessFacts } from './policy';

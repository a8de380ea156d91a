export { DomainError, type DomainErrorCode } from './domain-error.js';
export * from './access/actor.js';
export { authorize, ACTIONS, type Action, type ActionScopes, type Decision, type OrganizationScope, type PersonScope } from './access/policy.js';
export { normaliseEmail, assertPasswordAcceptable, assertDisplayName, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './accounts/account-rules.js';
export { normaliseOrganisationsnummer, luhnCheckDigit, assertKommunkod, assertLanskod, normaliseCpvCode, type CpvCodeInput } from './swedish-identifiers.js';
export { assertId } from './identifiers.js';

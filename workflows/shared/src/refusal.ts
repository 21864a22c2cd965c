import type { LocalDate } from './dates';

/**
 * Why a pathway will not take an event. Serialisable data: the case lib turns it into an error
 * with a stable code, and a recorder reads `message`.
 */
export type Refusal =
  | {
      readonly code: 'NOT_ALLOWED_IN_STATE';
      readonly eventType: string;
      readonly state: string;
      readonly allowed: readonly string[];
      readonly message: string;
    }
  | { readonly code: 'INVALID_FIELD'; readonly field: string; readonly message: string }
  | {
      readonly code: 'OUT_OF_ORDER';
      readonly field: string;
      readonly notBefore: LocalDate;
      readonly anchor: string;
      readonly message: string;
    };

export function invalidField(field: string, expected: string): Refusal {
  return { code: 'INVALID_FIELD', field, message: `${field} is missing or invalid: expected ${expected}` };
}

export function outOfOrder(field: string, value: LocalDate, notBefore: LocalDate, anchor: string): Refusal {
  return {
    code: 'OUT_OF_ORDER',
    field,
    notBefore,
    anchor,
    message: `${field} ${value} is before ${anchor} on ${notBefore}`,
  };
}

export function notAllowedInState(eventType: string, state: string, allowed: readonly string[]): Refusal {
  const list = allowed.length > 0 ? allowed.join(', ') : 'nothing (the pathway has ended)';
  return {
    code: 'NOT_ALLOWED_IN_STATE',
    eventType,
    state,
    allowed,
    message: `${eventType} is not allowed in state '${state}'; allowed: ${list}`,
  };
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { authorise, ForbiddenError, type Action, type CaseAccessFacts, type Principal, type Role } from '@csc/auth';
import { RequestValidationError } from '../http/errors';
import { REFERENCE } from './commands/fields';

/** May the principal do this to this record? Returns the role that grants it, or throws 403 naming the rule. */
export function requireAllowed(principal: Principal, action: Action, facts: CaseAccessFacts): Role {
  const decision = authorise(principal, action, facts);
  if (!decision.allowed) throw new ForbiddenError(decision.reason);
  return decision.grantedBy;
}

/** A case or allegation id in the path: a reference id, never free text. */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'caseId') {}

  transform(value: string): string {
    if (!REFERENCE.test(value)) throw new RequestValidationError([{ field: this.field, message: 'must be a reference id: 1 to 128 letters, digits and . _ : / -' }]);
    return value;
  }
}

/** The If-Match header: a revision (`5`, `"5"`, `W/"5"`), or undefined when absent. */
export function ifMatchOf(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(header.trim());
  if (!match?.[1]) throw new RequestValidationError([{ field: 'If-Match', message: 'must be the revision the command expects, as returned by the api (e.g. "5")' }]);
  return Number(match[1]);
}

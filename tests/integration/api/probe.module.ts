import { Body, Controller, Get, HttpCode, Injectable, Module, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsString, Length, ValidateNested } from 'class-validator';
import { authorise, ForbiddenError, type CaseAccessFacts, type Principal } from '@csc/auth';
import { StoreUnavailableError, WrongExpectedRevisionError } from '@csc/event-store';
import { CurrentPrincipal } from '../../../apps/api/src/http/principal';
import { Idempotent } from '../../../apps/api/src/http/idempotency/interceptor';

/** A test-only controller exercising the api's HTTP conventions, as a command controller will. */

class Attendee {
  @IsIn(['parent', 'social-worker', 'police'])
  role!: string;
}

class ProbeCommand {
  @IsString()
  @Length(1, 64)
  caseId!: string;

  @IsISO8601({ strict: true, strictSeparator: true })
  occurredAt!: string;

  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  @Type(() => Attendee)
  attendance!: Attendee[];
}

/** Stand-ins with the codes and fields of libs/case's errors (that lib is not wired yet). */
class NotAllowedInState extends Error {
  readonly code = 'NOT_ALLOWED_IN_STATE';
  readonly pathway = 'child-protection';
  readonly instanceId = 'cp-1';
  readonly state = 'onPlan';
  readonly command = 'RecordStrategyDiscussion';
  readonly allowed = ['RecordReviewConference', 'EndPlan'];
  constructor() {
    super("RecordStrategyDiscussion is not allowed: child-protection cp-1 is in state 'onPlan'; allowed: RecordReviewConference, EndPlan");
  }
}

class InvalidField extends Error {
  readonly code = 'INVALID_FIELD';
  readonly field = 'occurredAt';
}

class CaseNotFound extends Error {
  readonly code = 'CASE_NOT_FOUND';
  readonly caseId = 'c-404';
}

class OutOfOrder extends Error {
  readonly code = 'OUT_OF_ORDER';
  readonly field = 'occurredAt';
  readonly notBefore = '2026-01-01';
}

const SAMPLE_ERRORS: Record<string, () => Error> = {
  'not-allowed': () => new NotAllowedInState(),
  'invalid-field': () => new InvalidField('occurredAt: must not be in the future'),
  'case-not-found': () => new CaseNotFound("caseId: no case 'c-404'"),
  'out-of-order': () => new OutOfOrder('occurredAt: before the strategy discussion'),
  conflict: () => new WrongExpectedRevisionError('case-c1', '3', 4),
  'store-down': () => new StoreUnavailableError('connect ECONNREFUSED 10.1.2.3:5432'),
  bug: () => new TypeError("Cannot read properties of undefined (reading 'secret')"),
};

const CASES: Record<string, CaseAccessFacts> = {
  'child-t1': { kind: 'child', teamRef: 't1', iroRef: 'iro-1' },
  allegation: { kind: 'allegation' },
};

@Injectable()
export class ProbeCounter {
  executions = 0;
}

@Controller('probe')
class ProbeController {
  constructor(private readonly counter: ProbeCounter) {}

  @Post('commands')
  @Idempotent()
  command(@Body() command: ProbeCommand, @CurrentPrincipal() principal: Principal) {
    this.counter.executions += 1;
    return { execution: this.counter.executions, caseId: command.caseId, by: principal.userId };
  }

  @Post('failing-commands')
  @HttpCode(200)
  @Idempotent()
  failing(@Body() _body: ProbeCommand): never {
    this.counter.executions += 1;
    throw new NotAllowedInState();
  }

  @Get('errors/:name')
  error(@Param('name') name: string): never {
    const make = SAMPLE_ERRORS[name];
    if (!make) throw new Error(`no sample error ${name}`);
    throw make();
  }

  @Get('cases/:id')
  read(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const decision = authorise(principal, { kind: 'read-case' }, CASES[id]);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
    return { id, grantedBy: decision.grantedBy };
  }
}

@Module({ controllers: [ProbeController], providers: [ProbeCounter] })
export class ProbeModule {}

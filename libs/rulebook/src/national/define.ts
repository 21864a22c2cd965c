import type { Duration } from '@csc/calendar';
import type { Clock } from '../types';

/** Terse constructors for the rule tables. */
export const workingDays = (amount: number): Duration => ({ unit: 'working-days', amount });
export const calendarDays = (amount: number): Duration => ({ unit: 'calendar-days', amount });
export const weeks = (amount: number): Duration => ({ unit: 'weeks', amount });
export const months = (amount: number): Duration => ({ unit: 'calendar-months', amount });
export const hours = (amount: number): Duration => ({ unit: 'hours', amount });

/** The one clock of a single-timescale rule. */
export function clock(label: string, duration: Clock['duration'], extra: Omit<Clock, 'key' | 'label' | 'duration'> = {}): Clock[] {
  return [{ key: 'default', label, duration, ...extra }];
}

/** Source dates used as `effectiveFrom` (the first trigger a definition applies to). */
export const IN_FORCE = {
  /** Working Together 2013, in force 15 Apr 2013 (15 wd ICPC, 45 wd assessment and core group rules carried into WT 2015/2018/2023). */
  workingTogether2013: '2013-04-15',
  /** Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959), in force 1 Apr 2011. */
  carePlanningRegs2010: '2011-04-01',
  /** Review of Children's Cases Regulations 1991 (SI 1991/895), in force 14 Oct 1991. */
  reviewRegs1991: '1991-10-14',
  /** Care Leavers (England) Regulations 2010, in force 1 Apr 2011. */
  careLeaversRegs2010: '2011-04-01',
  /** Statutory guidance on children who run away or go missing from home or care, Jan 2014. */
  missingGuidance2014: '2014-01-01',
  /** Working Together 2015 (LADO one working day), in force 26 Mar 2015. */
  workingTogether2015: '2015-03-26',
  /** KCSIE edition quoted by TIMESCALES.md (2016 assumed: in force 5 Sep 2016). */
  kcsie2016: '2016-09-05',
  /** Children (Private Arrangements for Fostering) Regulations 2005, in force 1 Jul 2005. */
  privateFosteringRegs2005: '2005-07-01',
  /** London Child Protection Procedures, amended pre-birth rule (2017 consultation; date assumed). */
  londonProcedures2017: '2017-04-01',
  /** Promoting the health and well-being of looked-after children, Mar 2015. */
  healthGuidance2015: '2015-03-01',
} as const;

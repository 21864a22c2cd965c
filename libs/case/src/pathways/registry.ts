import { assessmentPathway, type AssessmentCommand } from './assessment';
import { childProtectionPathway, type ChildProtectionCommand } from './child-protection';
import { iroEscalationPathway, type IroEscalationCommand } from './iro-escalation';
import { lookedAfterPathway, type LookedAfterCommand } from './looked-after';
import { missingEpisodePathway, type MissingEpisodeCommand } from './missing-episode';
import { erase, type AnyPathway } from './types';

/**
 * Every pathway a case can hold. Adding one (see README): write `pathways/<name>.ts` like
 * `looked-after.ts`, add it to PATHWAYS and its command union to PathwayCommand.
 */
export const PATHWAYS: readonly AnyPathway[] = [
  erase(childProtectionPathway), erase(lookedAfterPathway), erase(missingEpisodePathway), erase(assessmentPathway), erase(iroEscalationPathway),
];

export type PathwayCommand = ChildProtectionCommand | LookedAfterCommand | MissingEpisodeCommand | AssessmentCommand | IroEscalationCommand;

export type PathwayKind = (typeof PATHWAYS)[number]['kind'];

const byKind = new Map<string, AnyPathway>();
const byCommand = new Map<string, { readonly pathway: AnyPathway; readonly eventType: string }>();
const commandByEvent = new Map<string, string>();

for (const pathway of PATHWAYS) {
  if (byKind.has(pathway.kind)) throw new Error(`pathway '${pathway.kind}' is registered twice`);
  byKind.set(pathway.kind, pathway);
  for (const [command, eventType] of Object.entries(pathway.commands)) {
    if (byCommand.has(command)) throw new Error(`command '${command}' belongs to two pathways`);
    byCommand.set(command, { pathway, eventType });
    commandByEvent.set(`${pathway.kind}/${eventType}`, command);
  }
}

export function pathwayOf(kind: string): AnyPathway | undefined {
  return byKind.get(kind);
}

/** The pathway and event type a command records, or undefined for a case-level or unknown command. */
export function commandTarget(command: string): { readonly pathway: AnyPathway; readonly eventType: string } | undefined {
  return byCommand.get(command);
}

/** The command that records an event type of a pathway (for "allowed" lists). */
export function commandFor(pathway: AnyPathway, eventType: string): string {
  return commandByEvent.get(`${pathway.kind}/${eventType}`) ?? eventType;
}

export function pathwayCommandTypes(): readonly string[] {
  return [...byCommand.keys()];
}

import type { Command } from 'commander';
import { registerStart } from './start';
import { registerCalendar } from './calendar';
import { registerDue } from './due';
import { registerSimulate } from './simulate';
import { registerToken } from './token';
import { registerReconcile } from './reconcile';
import { registerReporting } from './reporting';
import { registerSeed } from './seed';
import { registerRebuild } from './rebuild';

/** Every `csc` sub-command; each file registers one. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [registerStart, registerCalendar, registerDue, registerToken, registerSimulate, registerReporting, registerReconcile, registerSeed, registerRebuild];

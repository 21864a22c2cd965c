import type { Command } from 'commander';
import { registerStart } from './start';

/** Every `csc` sub-command; each file registers one. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [registerStart];

#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { COMMANDS } from './commands';

const program = new Command('csc')
  .description("children's social care statutory timescales engine")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

for (const register of COMMANDS) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`csc: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

import 'reflect-metadata';
import { loadConfigOrExit } from '@csc/runtime';
import { startWorker } from './start';

void startWorker(loadConfigOrExit('worker'));

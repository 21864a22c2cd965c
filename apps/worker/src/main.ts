import 'reflect-metadata';
import { closeOnSignal, loadConfigOrExit } from '@csc/runtime';
import { startWorker } from './start';

void startWorker(loadConfigOrExit('worker')).then((app) => closeOnSignal([app]));

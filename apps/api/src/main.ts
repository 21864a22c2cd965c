import 'reflect-metadata';
import { closeOnSignal, loadConfigOrExit } from '@csc/runtime';
import { startApi } from './start';

void startApi(loadConfigOrExit('api')).then((app) => closeOnSignal([app]));

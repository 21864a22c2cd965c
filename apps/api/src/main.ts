import 'reflect-metadata';
import { loadConfigOrExit } from '@csc/runtime';
import { startApi } from './start';

void startApi(loadConfigOrExit('api'));

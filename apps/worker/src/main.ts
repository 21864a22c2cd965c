import 'reflect-metadata';
import { bootstrapHttp } from '@csc/runtime';
import { WorkerModule } from './worker.module';

void bootstrapHttp({ service: 'worker', module: (config) => WorkerModule.forRoot(config), port: (config) => config.workerPort });

import 'reflect-metadata';
import { bootstrapHttp } from '@csc/runtime';
import { ApiModule } from './app.module';

void bootstrapHttp({ service: 'api', module: (config) => ApiModule.forRoot(config), port: (config) => config.apiPort });

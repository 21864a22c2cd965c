import { Module, type DynamicModule } from '@nestjs/common';
import { QueuesController } from './queues.controller';
import { QueueService } from './queue-service';

/** Team and IRO queues, the live change stream and calendar feeds (`/queues/...`), read from the Redis projection. */
@Module({})
export class QueuesModule {
  static forRoot(cases: DynamicModule): DynamicModule {
    return { module: QueuesModule, imports: [cases], controllers: [QueuesController], providers: [QueueService] };
  }
}

import { ApiProperty } from '@nestjs/swagger';

class AppendedEventView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'StrategyDiscussionHeld' }) type!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true, example: 'cp-1' }) instanceId!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

/** The OpenAPI shape of CommandResult. */
export class CommandResultView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'case-c1' }) streamId!: string;
  @ApiProperty({ description: "The case's revision after the command (send it as If-Match)" }) revision!: number;
  @ApiProperty({ description: 'True when the command had been recorded before: nothing was appended' }) repeated!: boolean;
  @ApiProperty({ type: [AppendedEventView] }) events!: AppendedEventView[];
}

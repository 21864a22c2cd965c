import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';

interface WebhookSettings {
  readonly alertWebhookUrl: string;
  readonly alertWebhookSecret: string;
}

/** A webhook is signed: a webhook URL needs a secret of at least 16 characters. */
export function webhookProblem(settings: WebhookSettings): string | undefined {
  if (settings.alertWebhookUrl === '') return undefined;
  if (settings.alertWebhookSecret.length < 16) return 'needs CSC_ALERT_WEBHOOK_SECRET of at least 16 characters to sign the webhook';
  return undefined;
}

@ValidatorConstraint({ name: 'webhookSigned' })
export class WebhookSigned implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return webhookProblem(args.object as WebhookSettings) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return webhookProblem(args.object as WebhookSettings) ?? '';
  }
}

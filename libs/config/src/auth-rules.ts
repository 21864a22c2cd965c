import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';

interface AuthSources {
  readonly authIssuer: string;
  readonly authJwksUrl: string;
  readonly authPublicKeys: string;
  readonly authDevKeys: boolean;
}

/**
 * The token sources must make sense together: a real issuer needs keys (a JWKS
 * URL or a key file) and keys need an issuer; the development key is refused
 * beside a real issuer, so a production deployment cannot accept `csc token`
 * tokens by a forgotten setting.
 */
export function authSourcesProblem(settings: AuthSources): string | undefined {
  const hasKeys = settings.authJwksUrl !== '' || settings.authPublicKeys !== '';
  if (settings.authDevKeys && settings.authIssuer !== '')
    return 'cannot be set while CSC_AUTH_DEV_KEYS=true: development tokens are for local use only, never beside a real identity provider';
  if (settings.authIssuer !== '' && !hasKeys) return 'is set but neither CSC_AUTH_JWKS_URL nor CSC_AUTH_PUBLIC_KEYS says where its keys are';
  if (settings.authIssuer === '' && hasKeys) return 'must be set when CSC_AUTH_JWKS_URL or CSC_AUTH_PUBLIC_KEYS is (the issuer is always checked)';
  return undefined;
}

@ValidatorConstraint({ name: 'authSourcesConsistent' })
export class AuthSourcesConsistent implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return authSourcesProblem(args.object as AuthSources) === undefined;
  }

  defaultMessage(args: ValidationArguments): string {
    return authSourcesProblem(args.object as AuthSources) ?? '';
  }
}

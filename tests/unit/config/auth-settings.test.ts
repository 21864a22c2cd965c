import { loadConfig } from '@csc/config';
import { problemsOf } from '../../support/config';


describe('authentication settings', () => {
  it('accepts no tokens by default: no issuer, development keys off', () => {
    expect(loadConfig({})).toMatchObject({ authIssuer: '', authDevKeys: false, authAudience: 'csc-api', authRolesClaim: 'roles', apiRateLimit: 600 });
  });

  it('accepts an issuer with a JWKS URL', () => {
    const config = loadConfig({ CSC_AUTH_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', CSC_AUTH_JWKS_URL: 'https://login.microsoftonline.com/tenant/discovery/v2.0/keys' });
    expect(config.authJwksUrl).toMatch(/^https:/);
  });

  it('refuses development keys beside a real issuer', () => {
    const [problem] = problemsOf({ CSC_AUTH_DEV_KEYS: 'true', CSC_AUTH_ISSUER: 'https://idp.example', CSC_AUTH_JWKS_URL: 'https://idp.example/keys' });
    expect(problem).toMatch(/^CSC_AUTH_ISSUER="https:\/\/idp.example": cannot be set while CSC_AUTH_DEV_KEYS=true/);
  });

  it('refuses an issuer without keys, and keys without an issuer', () => {
    expect(problemsOf({ CSC_AUTH_ISSUER: 'https://idp.example' })[0]).toMatch(/neither CSC_AUTH_JWKS_URL nor CSC_AUTH_PUBLIC_KEYS/);
    expect(problemsOf({ CSC_AUTH_PUBLIC_KEYS: '/etc/csc/keys.pem' })[0]).toMatch(/must be set when CSC_AUTH_JWKS_URL or CSC_AUTH_PUBLIC_KEYS is/);
  });

  it('refuses a plain-http JWKS URL except on loopback, and a non-boolean switch', () => {
    expect(problemsOf({ CSC_AUTH_ISSUER: 'https://idp.example', CSC_AUTH_JWKS_URL: 'http://idp.example/keys' })[0]).toMatch(/^CSC_AUTH_JWKS_URL=.*https:\/\//);
    expect(loadConfig({ CSC_AUTH_ISSUER: 'https://idp.example', CSC_AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys' }).authJwksUrl).toBe('http://127.0.0.1:8080/keys');
    expect(problemsOf({ CSC_AUTH_DEV_KEYS: 'yes' })).toEqual(['CSC_AUTH_DEV_KEYS="yes": must be true or false']);
  });
});

import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet, JWK } from 'jose';

const PEM = /-----BEGIN (?:PUBLIC KEY|CERTIFICATE)-----[\s\S]+?-----END (?:PUBLIC KEY|CERTIFICATE)-----/g;

/**
 * Trusted public keys from a file: a JWKS JSON document (`{"keys": [...]}`),
 * or one or more PEM public keys or certificates. Private key material in the
 * file is refused, so a signing key is never mistaken for a verifying one.
 */
export function readPublicKeys(file: string): JSONWebKeySet {
  const text = readFileSync(file, 'utf8');
  return parsePublicKeys(text, file);
}

export function parsePublicKeys(text: string, source: string): JSONWebKeySet {
  if (/PRIVATE KEY/.test(text) || /"d"\s*:/.test(text)) throw new Error(`${source}: holds private key material; give public keys only`);
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as { keys?: unknown };
    if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) throw new Error(`${source}: a JWKS document needs a non-empty "keys" list`);
    return { keys: parsed.keys as JWK[] };
  }
  const blocks = trimmed.match(PEM) ?? [];
  if (blocks.length === 0) throw new Error(`${source}: neither a JWKS document nor PEM public keys`);
  return { keys: blocks.map((pem) => publicKeyOf(pem).export({ format: 'jwk' }) as JWK) };
}

function publicKeyOf(pem: string): KeyObject {
  return pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

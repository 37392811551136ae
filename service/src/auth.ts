/**
 * Bearer tokens: JWTs verified with `jose`, against a JWKS URL in production or a shared secret
 * (HS256) in development. The claims say who is calling: `sub` the agent id, `role` (`agent`,
 * `lead`, `admin`), `team` and `tenant`. A token without them, expired, or not signed by the
 * configured key is refused (`401`), and nothing is changed.
 */
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import * as z from 'zod/mini';
import { HostError } from '../../src/adapter/errors.js';
import type { Principal } from './store.js';

export interface AuthConfig {
  /** HS256 shared secret (development, tests). */
  secret?: string;
  /** JWKS URL of the identity provider (production). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

const ClaimsSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  role: z.enum(['agent', 'lead', 'admin']),
  team: z.string().check(z.maxLength(256)),
  tenant: z.string().check(z.minLength(1), z.maxLength(256)),
});

const refuse = (message: string) => new HostError('permission', message, { retryable: false, details: { status: 401 } });

/** Returns the verifier of bearer tokens for this configuration. */
export function tokenVerifier(config: AuthConfig): (token: string | undefined) => Promise<Principal> {
  if (!config.secret && !config.jwksUrl) throw new Error('Set MEND_JWKS_URL (production) or MEND_JWT_SECRET (development).');
  const key = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : new TextEncoder().encode(config.secret);
  const algorithms = config.jwksUrl ? ['RS256', 'ES256', 'PS256', 'EdDSA'] : ['HS256'];
  return async (token) => {
    if (!token) throw refuse('A bearer token is required.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], { algorithms, issuer: config.issuer, audience: config.audience, requiredClaims: ['exp'] }));
    } catch (error) {
      throw refuse(`The token was refused (${(error as { code?: string }).code ?? 'invalid'}).`);
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw refuse('The token lacks sub, role, team or tenant.');
    return { agentId: claims.data.sub, role: claims.data.role, team: claims.data.team, tenant: claims.data.tenant };
  };
}

/** A development token signed with the shared secret (tests, the demo, the bench). */
export function devToken(secret: string, who: Principal, expiresIn: string | number = '12h'): Promise<string> {
  return new SignJWT({ role: who.role, team: who.team, tenant: who.tenant })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(who.agentId)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { uuid } from './ids';
import type { PoolRecord, SigningKey } from './state';

export const ALGORITHM = 'RS256';

/** One RSA key pair per user pool, made when the pool is created and kept with it. */
export async function newSigningKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { modulusLength: 2048, extractable: true });
  const kid = uuid();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM };
  return { kid, publicJwk, privateJwk };
}

/** What GET <issuer>/.well-known/jwks.json answers. */
export function jwks(pool: PoolRecord): { keys: JWK[] } {
  const { kty, n, e, kid, alg, use } = pool.key.publicJwk;
  return { keys: [{ alg, e, kid, kty, n, use }] };
}

/** Makes pools' key pairs and imports each key once (a key never changes for a given kid). */
export class Keys {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(readonly create: () => Promise<SigningKey> = newSigningKey) {}

  private get(kid: string, jwk: JWK): Promise<CryptoKey> {
    let key = this.imported.get(kid);
    if (!key) {
      key = importJWK(jwk, ALGORITHM) as Promise<CryptoKey>;
      this.imported.set(kid, key);
    }
    return key;
  }

  signing(pool: PoolRecord): Promise<CryptoKey> {
    return this.get(`private:${pool.key.kid}`, pool.key.privateJwk);
  }

  verifying(pool: PoolRecord): Promise<CryptoKey> {
    return this.get(`public:${pool.key.kid}`, pool.key.publicJwk);
  }
}

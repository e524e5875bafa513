import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A software passkey for tests: an ES256 key pair from node:crypto, `none` attestation, and
 * clientDataJSON and authenticatorData built byte by byte as WebAuthn Level 3 lays them out
 * (https://www.w3.org/TR/webauthn-3/#sctn-authenticator-data,
 * https://www.w3.org/TR/webauthn-3/#dictdef-collectedclientdata), so the emulator's verification
 * meets what a browser sends, not what its own library produced.
 */

/** authenticatorData flags. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export interface Ceremony {
  /** Origin the "browser" reports; defaults to the authenticator's. */
  origin?: string;
  /** RP ID whose hash goes into authenticatorData; defaults to the one in the options. */
  rpId?: string;
  /** User verified (biometric, PIN); defaults to true. */
  userVerified?: boolean;
  /** Challenge to sign instead of the one in the options. */
  challenge?: string;
}

type Json = Record<string, unknown>;

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16).toString('base64url');
  private readonly privateKey: KeyObject;
  private readonly cose: Buffer;
  private counter = 0;

  constructor(private readonly origin: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key for ES256: kty EC2 (1: 2), alg -7 (3: -7), crv P-256 (-1: 1), x (-2), y (-3). RFC 9053.
    this.cose = cbor(
      new Map<number, number | Buffer>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  /** navigator.credentials.create(): a RegistrationResponseJSON for the creation options. */
  register(options: Json, ceremony: Ceremony = {}): Json {
    const rpId = ceremony.rpId ?? String((options.rp as Json).id);
    const clientDataJSON = this.clientData('webauthn.create', ceremony.challenge ?? String(options.challenge), ceremony.origin);
    const id = Buffer.from(this.credentialId, 'base64url');
    const attested = Buffer.concat([Buffer.alloc(16), u16(id.length), id, this.cose]); // AAGUID 0: `none` attestation
    const authData = this.authData(rpId, ceremony.userVerified ?? true, AT, attested);
    const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: { clientDataJSON: clientDataJSON.toString('base64url'), attestationObject: attestationObject.toString('base64url'), transports: ['internal'] },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get(): an AuthenticationResponseJSON for the request options, counter + 1. */
  assert(options: Json, ceremony: Ceremony = {}): Json {
    this.counter += 1;
    const rpId = ceremony.rpId ?? String(options.rpId);
    const clientDataJSON = this.clientData('webauthn.get', ceremony.challenge ?? String(options.challenge), ceremony.origin);
    const authData = this.authData(rpId, ceremony.userVerified ?? true, 0);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey); // DER, as WebAuthn's ES256
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** The next assertion reports `to + 1` as its signature counter (to replay an old count). */
  rewindCounter(to: number): void {
    this.counter = to;
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  private authData(rpId: string, userVerified: boolean, extraFlags: number, attested = Buffer.alloc(0)): Buffer {
    const flags = UP | (userVerified ? UV : 0) | extraFlags;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(Buffer.from(rpId, 'utf8')), Buffer.from([flags]), count, attested]);
  }
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

function u16(n: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(n);
  return out;
}

/** The few CBOR (RFC 8949) items WebAuthn needs: integers, byte and text strings, maps. */
function cbor(value: number | string | Buffer | Map<unknown, unknown>): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  const parts = [head(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k as never), cbor(v as never));
  return Buffer.concat(parts);
}

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.concat([Buffer.from([(major << 5) | 25]), u16(n)]);
  throw new Error('CBOR item too long for this helper');
}

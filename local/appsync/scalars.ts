import { isIP } from 'node:net';
import { Kind, type GraphQLScalarTypeConfig, type ValueNode } from 'graphql';

/**
 * AppSync's own scalars, checked as AppSync documents them, so a value AppSync refuses is refused
 * here too, before any resolver runs. Every AWS scalar travels as a string except AWSTimestamp.
 */

/** Thrown for a value a scalar refuses; the runtime reports output failures by this class. */
export class ScalarError extends TypeError {
  override name = 'ScalarError';
}

type Scalar = Pick<GraphQLScalarTypeConfig<unknown, unknown>, 'description' | 'serialize' | 'parseValue' | 'parseLiteral'>;

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Z, ±hh:mm or ±hh:mm:ss (AppSync accepts the seconds although ISO 8601 has none). */
const OFFSET = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)';
const DATE = '(-?\\d{4,})-(\\d{2})-(\\d{2})';
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';

const AWS_DATE = new RegExp(`^${DATE}${OFFSET}?$`);
const AWS_TIME = new RegExp(`^${TIME}${OFFSET}?$`);
/** The offset is compulsory for AWSDateTime. */
const AWS_DATE_TIME = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

/** Rejects 2023-02-30 and the like, as a strict ISO date parser does. */
function isRealDate(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function dateLike(pattern: RegExp, what: string) {
  return (value: string) => {
    const match = pattern.exec(value);
    if (!match || (match[1] !== undefined && !isRealDate(match))) {
      throw new ScalarError(`Unable to parse \`${value}\` as a valid ${what}.`);
    }
    return value;
  };
}

/** Spaces or hyphens may separate digit groups; without a country code the number is North American. */
function checkPhone(value: string): string {
  const compact = value.replace(/[ -]/g, '');
  const international = /^\+[1-9]\d{6,14}$/.test(compact);
  const northAmerican = /^1?[2-9]\d{9}$/.test(compact);
  if (!international && !northAmerican) throw new ScalarError(`Unable to parse \`${value}\` as a valid phone number.`);
  return value;
}

/** A scheme is required (http:, mailto:…) and the path may not contain `//`. */
function checkUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.pathname.includes('//')) throw new ScalarError(`Unable to parse \`${value}\` as a valid URL.`);
  return value;
}

/** IPv4 or IPv6, optionally with a CIDR suffix. */
function checkIp(value: string): string {
  const [address = '', prefix, extra] = value.split('/');
  const version = isIP(address);
  const maxPrefix = version === 4 ? 32 : 128;
  const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
  if (!version || !prefixOk || extra !== undefined) {
    throw new ScalarError(`Unable to parse \`${value}\` as a valid IP address.`);
  }
  return value;
}

function checkEmail(value: string): string {
  if (!EMAIL.test(value)) throw new ScalarError(`Unable to parse \`${value}\` as a valid email address.`);
  return value;
}

function checkJson(value: string): unknown {
  if (!isJson(value)) throw new ScalarError(`Unable to parse \`${value}\` as valid JSON.`);
  return JSON.parse(value);
}

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function requireString(value: unknown, scalar: string): string {
  if (typeof value !== 'string') throw new ScalarError(`${scalar} must be a string, got ${JSON.stringify(value)}.`);
  return value;
}

function literalString(node: ValueNode, scalar: string): string {
  if (node.kind !== Kind.STRING) throw new ScalarError(`${scalar} must be a string literal, got ${node.kind}.`);
  return node.value;
}

/** A string scalar that answers the same check for variables, literals and results. */
function stringScalar(name: string, description: string, check: (value: string) => unknown): Scalar {
  return {
    description,
    serialize: (value) => {
      check(requireString(value, name));
      return value;
    },
    parseValue: (value) => {
      check(requireString(value, name));
      return value;
    },
    parseLiteral: (node) => {
      const value = literalString(node, name);
      check(value);
      return value;
    },
  };
}

function checkTimestamp(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new ScalarError(`Unable to parse \`${String(value)}\` as a valid timestamp: it must be whole seconds.`);
  }
  return value;
}

export const APPSYNC_SCALARS: Readonly<Record<string, Scalar>> = {
  AWSEmail: stringScalar('AWSEmail', 'An e-mail address, local-part@domain-part (RFC 822).', checkEmail),
  AWSPhone: stringScalar(
    'AWSPhone',
    'A phone number; spaces or hyphens may separate digit groups; without a country code it is North American.',
    checkPhone,
  ),
  AWSURL: stringScalar('AWSURL', 'A URL with a scheme (RFC 1738), with no `//` in its path.', checkUrl),
  AWSDate: stringScalar('AWSDate', 'An extended ISO 8601 date, YYYY-MM-DD, with an optional offset.', dateLike(AWS_DATE, 'date')),
  AWSTime: stringScalar('AWSTime', 'An extended ISO 8601 time, hh:mm:ss.sss, with an optional offset.', dateLike(AWS_TIME, 'time')),
  AWSDateTime: stringScalar(
    'AWSDateTime',
    'An extended ISO 8601 date and time, YYYY-MM-DDThh:mm:ss.sssZ; the offset is required.',
    dateLike(AWS_DATE_TIME, 'date and time'),
  ),
  AWSIPAddress: stringScalar('AWSIPAddress', 'An IPv4 or IPv6 address, optionally with a CIDR suffix.', checkIp),
  AWSTimestamp: {
    description: 'Seconds before or after 1970-01-01T00:00Z.',
    serialize: checkTimestamp,
    parseValue: checkTimestamp,
    parseLiteral: (node) => {
      if (node.kind !== Kind.INT) throw new ScalarError(`AWSTimestamp must be an integer literal, got ${node.kind}.`);
      return checkTimestamp(Number(node.value));
    },
  },
  AWSJSON: {
    description: 'A JSON document sent as a string; resolvers receive it parsed.',
    // A resolver may return JSON text or a value to encode: both reach the client as JSON text.
    serialize: (value) => (typeof value === 'string' && isJson(value) ? value : JSON.stringify(value)),
    parseValue: (value) => checkJson(requireString(value, 'AWSJSON')),
    parseLiteral: (node) => checkJson(literalString(node, 'AWSJSON')),
  },
};

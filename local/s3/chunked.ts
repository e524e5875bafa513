import { s3Errors } from './errors';

/**
 * Decodes an `aws-chunked` body with unsigned chunks, which the SDK sends when it streams an upload
 * with a trailing checksum: `<hex size>\r\n<bytes>\r\n` repeated, a zero-size chunk, then trailers
 * (ignored here: the checksum's protection matters on real networks, not on loopback).
 */
export function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    if (lineEnd < 0) throw s3Errors.badChunkedBody();
    const size = Number.parseInt(body.toString('latin1', at, lineEnd).split(';')[0]!, 16);
    if (!Number.isInteger(size) || size < 0) throw s3Errors.badChunkedBody();
    at = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (at + size + 2 > body.length || body.toString('latin1', at + size, at + size + 2) !== '\r\n') {
      throw s3Errors.badChunkedBody();
    }
    parts.push(body.subarray(at, at + size));
    at += size + 2;
  }
}

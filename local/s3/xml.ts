import type { ObjectInfo } from './store';

/** The few S3 XML documents the local S3 writes. */

const escapeXml = (value: string) =>
  value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]!));

const element = (name: string, value: string | number | boolean) => `<${name}>${escapeXml(String(value))}</${name}>`;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function errorXml(code: string, message: string, details: Readonly<Record<string, string>>, requestId: string): string {
  const extra = Object.entries(details).map(([name, value]) => element(name, value));
  return `${DECLARATION}<Error>${element('Code', code)}${element('Message', message)}${extra.join('')}${element(
    'RequestId',
    requestId,
  )}</Error>`;
}

export interface ListResult {
  bucket: string;
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  startAfter?: string;
  continuationToken?: string;
  nextContinuationToken?: string;
  /** `url` when the client asked for encoding-type=url: keys and prefixes are then percent-encoded. */
  encodingType?: 'url';
  contents: ObjectInfo[];
  commonPrefixes: string[];
}

export function listObjectsV2Xml(result: ListResult): string {
  const name = result.encodingType === 'url' ? encodeURIComponent : (value: string) => value;
  const parts = [
    element('Name', result.bucket),
    element('Prefix', name(result.prefix)),
    result.delimiter === undefined ? '' : element('Delimiter', name(result.delimiter)),
    result.startAfter === undefined ? '' : element('StartAfter', name(result.startAfter)),
    result.continuationToken === undefined ? '' : element('ContinuationToken', result.continuationToken),
    result.encodingType === undefined ? '' : element('EncodingType', result.encodingType),
    element('KeyCount', result.contents.length + result.commonPrefixes.length),
    element('MaxKeys', result.maxKeys),
    element('IsTruncated', result.nextContinuationToken !== undefined),
    result.nextContinuationToken === undefined ? '' : element('NextContinuationToken', result.nextContinuationToken),
    ...result.contents.map(
      (object) =>
        `<Contents>${element('Key', name(object.key))}${element('LastModified', object.lastModified)}${element(
          'ETag',
          object.etag,
        )}${element('Size', object.size)}${element('StorageClass', 'STANDARD')}</Contents>`,
    ),
    ...result.commonPrefixes.map((prefix) => `<CommonPrefixes>${element('Prefix', name(prefix))}</CommonPrefixes>`),
  ];
  return `${DECLARATION}<ListBucketResult xmlns="${NAMESPACE}">${parts.join('')}</ListBucketResult>`;
}

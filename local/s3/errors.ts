/** An S3 error answer: the code, HTTP status and message S3 itself uses, plus S3's extra elements. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

export const s3Errors = {
  accessDenied: () => new S3Error(403, 'AccessDenied', 'Access Denied'),
  expired: (details: Record<string, string>) => new S3Error(403, 'AccessDenied', 'Request has expired', details),
  signatureMismatch: () =>
    new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    ),
  unknownAccessKey: (accessKeyId: string) =>
    new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', {
      AWSAccessKeyId: accessKeyId,
    }),
  badQueryAuth: (message: string) => new S3Error(400, 'AuthorizationQueryParametersError', message),
  badHeaderAuth: (message: string) => new S3Error(400, 'AuthorizationHeaderMalformed', message),
  payloadMismatch: () =>
    new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed."),
  badChunkedBody: () => new S3Error(400, 'IncompleteBody', 'The request body is not valid aws-chunked encoding.'),
  noSuchBucket: (bucket: string) =>
    new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket }),
  noSuchKey: (key: string) => new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key }),
  bucketOwned: (bucket: string) =>
    new S3Error(
      409,
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      { BucketName: bucket },
    ),
  invalidBucketName: (bucket: string) =>
    new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket }),
  keyTooLong: () => new S3Error(400, 'KeyTooLongError', 'Your key is too long'),
  tooLarge: (maxBytes: number) =>
    new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
      MaxSizeAllowed: String(maxBytes),
    }),
  notImplemented: (what: string) =>
    new S3Error(501, 'NotImplemented', `A header or query you provided implies functionality that is not implemented: ${what}`),
  methodNotAllowed: (method: string) =>
    new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: method }),
  internal: () => new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.'),
};

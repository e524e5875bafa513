import type { ObjectInfo } from './store';

export interface ListQuery {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  startAfter?: string;
  continuationToken?: string;
}

export interface ListPage {
  contents: ObjectInfo[];
  commonPrefixes: string[];
  nextContinuationToken?: string;
}

/** The continuation token is opaque to clients; here it is the last key or prefix returned. */
const encodeToken = (position: string) => Buffer.from(position).toString('base64url');
const decodeToken = (token: string) => Buffer.from(token, 'base64url').toString();

/** One ListObjectsV2 page over objects already sorted by key, with S3's prefix, delimiter and paging rules. */
export function listPage(sorted: readonly ObjectInfo[], query: ListQuery): ListPage {
  const resumeAfter = query.continuationToken === undefined ? query.startAfter : decodeToken(query.continuationToken);
  const page: ListPage = { contents: [], commonPrefixes: [] };
  let last: string | undefined;
  for (const object of sorted) {
    if (!object.key.startsWith(query.prefix)) continue;
    if (resumeAfter !== undefined && object.key <= resumeAfter) continue;
    // A token that is a common prefix stands for every key under it.
    if (
      resumeAfter !== undefined &&
      query.delimiter &&
      resumeAfter.endsWith(query.delimiter) &&
      object.key.startsWith(resumeAfter)
    )
      continue;
    const rest = object.key.slice(query.prefix.length);
    const cut = query.delimiter ? rest.indexOf(query.delimiter) : -1;
    const commonPrefix = cut >= 0 ? query.prefix + rest.slice(0, cut + query.delimiter!.length) : undefined;
    if (commonPrefix !== undefined && commonPrefix === last) continue;
    if (page.contents.length + page.commonPrefixes.length >= query.maxKeys) {
      if (last !== undefined) page.nextContinuationToken = encodeToken(last);
      break;
    }
    if (commonPrefix === undefined) {
      page.contents.push(object);
      last = object.key;
    } else {
      page.commonPrefixes.push(commonPrefix);
      last = commonPrefix;
    }
  }
  return page;
}

import { vi } from 'vitest';

/** A request the client sent, decoded. */
export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = { status?: number; body: unknown } | ((request: SentRequest) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>);

export const URL_ = 'https://api.example.com/graphql';
export const API_KEY = 'da2-example';

export function tokens(suffix: string, expiresIn = 3600) {
  return { idToken: `id-${suffix}`, accessToken: `access-${suffix}`, refreshToken: `refresh-${suffix}`, expiresIn, tokenType: 'Bearer' };
}

/** A stand-in for AppSync over fetch: answers each operation by name and keeps what was sent. */
export function fakeApi(answers: Record<string, Answer>) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as Omit<SentRequest, 'url' | 'headers'>;
    const request = { url: String(url), headers: init?.headers as Record<string, string>, ...body };
    sent.push(request);
    const answer = answers[request.operationName];
    if (!answer) throw new Error(`unexpected operation ${request.operationName}`);
    const { status = 200, body: reply } = typeof answer === 'function' ? await answer(request) : answer;
    return new Response(typeof reply === 'string' ? reply : JSON.stringify(reply), { status, headers: { 'content-type': 'application/json' } });
  });
  return { fetch, sent };
}

/** An in-memory Web Storage. */
export function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: vi.fn((key: string) => items.get(key) ?? null),
    setItem: vi.fn((key: string, value: string) => void items.set(key, value)),
    removeItem: vi.fn((key: string) => void items.delete(key)),
  };
}

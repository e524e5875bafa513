/** Set by the Vite config: the gateway this page talks to. */
declare const __GATEWAY__: { graphqlUrl: string; apiKey: string };

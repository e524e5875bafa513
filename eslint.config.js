import appsync from '@aws-appsync/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

/**
 * Resolvers run on AppSync's APPSYNC_JS runtime, which supports a subset of JavaScript; the
 * AppSync plugin's recommended rules refuse what it cannot run. cognitoErrors.ts, emailRule.ts and
 * passkeyView.ts are bundled into resolvers too.
 */
export default [
  { ignores: ['node_modules/**', 'cdk.out/**', '.local/**'] },
  {
    ...appsync.configs.recommended,
    files: ['resolvers/**/*.ts', 'cognitoErrors.ts', 'emailRule.ts', 'passkeyView.ts'],
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parser: tsParser,
      // The resolvers' own program (tsconfig.resolvers.json), not the repository's: seconds, not tens.
      parserOptions: { project: './tsconfig.resolvers.json', tsconfigRootDir: import.meta.dirname },
    },
  },
];

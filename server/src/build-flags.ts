// Flags that esbuild.mjs fixes when it bundles. Under tsx (the tests) and in development bundles
// the identifier is not defined, so every flag keeps its checking default.
declare const KEEPALIVED_PRODUCTION_BUILD: boolean | undefined;

/**
 * True only in bundles built with `node esbuild.mjs --production`: there chevrotain's grammar and
 * lexer validations are skipped, because they cost most of the CLI's start-up and the tests
 * (which run with them on) already prove the grammar valid.
 */
export const PRODUCTION_BUILD: boolean = typeof KEEPALIVED_PRODUCTION_BUILD !== 'undefined' && KEEPALIVED_PRODUCTION_BUILD === true;

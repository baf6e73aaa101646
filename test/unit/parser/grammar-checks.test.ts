// Production bundles build the lexer with chevrotain's validations off (they cost most of the
// start-up); these tests build it with the validations on, so that a token-pattern mistake fails
// `npm test` instead of slipping into a production build where nothing checks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, Lexer } from 'chevrotain';
import { PRODUCTION_BUILD } from '../../../server/src/build-flags';
import { createLexer } from '../../../server/src/parser/lexer';
import { allTokens } from '../../../server/src/parser/tokens';

test('outside a production bundle the lexer checks are on, so every parse in the tests runs a checked lexer', () => {
  assert.equal(PRODUCTION_BUILD, false);
});

test('the token patterns pass all of chevrotain\'s lexer validations, first-character optimisation included', () => {
  const lexer = createLexer({ skipValidations: false });
  assert.deepEqual(
    lexer.lexerDefinitionErrors.map((e) => e.message),
    [],
  );
});

test('a broken token pattern is caught by the lexer validations', () => {
  const Empty = createToken({ name: 'Empty', pattern: /x*/ });
  assert.throws(() => new Lexer([Empty, ...allTokens], { skipValidations: false }), /must not match an empty string/);
  assert.doesNotThrow(() => new Lexer([Empty, ...allTokens], { skipValidations: true }));
});

// Production bundles build the lexer and the parser with chevrotain's validations off (they cost
// most of the start-up); these tests build them with the validations on, so that a grammar
// mistake fails `npm test` instead of slipping into a production build where nothing checks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, CstParser, Lexer } from 'chevrotain';
import { PRODUCTION_BUILD } from '../../../server/src/build-flags';
import { createLexer, KeepalivedCstParser, parseCst } from '../../../server/src/parser/cst-parser';
import { allTokens, Word } from '../../../server/src/parser/tokens';

test('outside a production bundle the grammar checks are on, so every parse in the tests runs a checked grammar', () => {
  assert.equal(PRODUCTION_BUILD, false);
});

test('the keepalived grammar passes all of chevrotain\'s grammar validations', () => {
  // With validations on, performSelfAnalysis() throws "Parser Definition Errors detected" and lists them.
  assert.doesNotThrow(() => new KeepalivedCstParser({ skipValidations: false }));
});

test('the token patterns pass all of chevrotain\'s lexer validations, first-character optimisation included', () => {
  const lexer = createLexer({ skipValidations: false });
  assert.deepEqual(
    lexer.lexerDefinitionErrors.map((e) => e.message),
    [],
  );
});

test('a grammar mistake is caught by the validations and would pass unnoticed without them', () => {
  // Two alternatives that both start with a Word: the kind of ambiguity a grammar edit can bring.
  class Ambiguous extends CstParser {
    constructor(skipValidations: boolean) {
      super(allTokens, { skipValidations });
      this.performSelfAnalysis();
    }
    public line = this.RULE('line', () => {
      this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME2(Word) }]);
    });
  }
  assert.throws(() => new Ambiguous(false), /Parser Definition Errors[\s\S]*Ambiguous Alternatives/);
  assert.doesNotThrow(() => new Ambiguous(true));
});

test('a broken token pattern is caught by the lexer validations', () => {
  const Empty = createToken({ name: 'Empty', pattern: /x*/ });
  assert.throws(() => new Lexer([Empty, ...allTokens], { skipValidations: false }), /must not match an empty string/);
  assert.doesNotThrow(() => new Lexer([Empty, ...allTokens], { skipValidations: true }));
});

test('the parser built on the first parse serves the following ones', () => {
  const a = parseCst('vrrp_instance VI_1 {\n  state MASTER\n}\n');
  const b = parseCst('global_defs {\n}\n');
  assert.deepEqual([a.lexErrors, a.parseErrors, b.lexErrors, b.parseErrors], [[], [], [], []]);
  // vrrp_instance, VI_1, the block, the line break after it.
  assert.equal(a.cst.children.item?.length, 4);
  assert.equal(b.cst.children.item?.length, 3);
});

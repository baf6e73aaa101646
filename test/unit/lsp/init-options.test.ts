// initializationOptions.diagnosticsDelayMs: the publish debounce a benchmark (or a developer) sets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, diagnosticsDelayMs } from '../../../server/src/lsp/init-options';

test('diagnosticsDelayMs: a number is taken, rounded and clamped to 0..5000 ms', () => {
  assert.equal(diagnosticsDelayMs({ diagnosticsDelayMs: 0 }), 0);
  assert.equal(diagnosticsDelayMs({ diagnosticsDelayMs: 75.6 }), 76);
  assert.equal(diagnosticsDelayMs({ diagnosticsDelayMs: -10 }), 0);
  assert.equal(diagnosticsDelayMs({ diagnosticsDelayMs: 1e9 }), 5000);
});

test('diagnosticsDelayMs: absent or not a finite number keeps the 200 ms default', () => {
  assert.equal(DEFAULT_DIAGNOSTICS_DELAY_MS, 200);
  for (const init of [undefined, null, {}, { trusted: true }, { diagnosticsDelayMs: '0' }, { diagnosticsDelayMs: NaN }, { diagnosticsDelayMs: Infinity }, 'x']) {
    assert.equal(diagnosticsDelayMs(init), 200, JSON.stringify(init));
  }
});

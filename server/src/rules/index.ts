// The rules tables. The order is the order of their diagnostics for one position.
import { authIgnored } from './auth-ignored';
import { commentInWord } from './comment-in-word';
import { authPassTruncated } from './auth-pass-truncated';
import { deprecatedKeyword } from './deprecated-keyword';
import { duplicateDefinition } from './duplicate-definition';
import { duplicateKeyword } from './duplicate-keyword';
import { duplicateTrack } from './duplicate-track';
import { duplicateVrid } from './duplicate-vrid';
import { includeNotFound } from './include-not-found';
import { invalidValue } from './invalid-value';
import { misplacedKeyword } from './misplaced-keyword';
import { missingBlock } from './missing-block';
import { missingRequired } from './missing-required';
import { missingValue } from './missing-value';
import { nopreemptMaster } from './nopreempt-master';
import { PEER_RULES } from './peer';
import type { FileRule, PeerRule } from './rule';
import { routeAdvice } from './route-advice';
import { unbalancedBrace } from './unbalanced-brace';
import { undefinedReference } from './undefined-reference';
import { unexpandedParameter } from './unexpanded-parameter';
import { unexpectedBlock } from './unexpected-block';
import { unknownKeyword } from './unknown-keyword';
import { unmatchedQuote } from './unmatched-quote';
import { valueOutOfRange } from './value-out-of-range';

export const FILE_RULES: readonly FileRule[] = [
  unbalancedBrace,
  unmatchedQuote,
  unknownKeyword,
  misplacedKeyword,
  unexpectedBlock,
  missingBlock,
  missingValue,
  invalidValue,
  valueOutOfRange,
  deprecatedKeyword,
  duplicateKeyword,
  duplicateTrack,
  duplicateDefinition,
  missingRequired,
  authPassTruncated,
  duplicateVrid,
  undefinedReference,
  nopreemptMaster,
  authIgnored,
  includeNotFound,
  routeAdvice,
  unexpandedParameter,
  commentInWord,
];

/** Every rule, single-file then peer: README's table, the settings and SARIF's rule list. */
export const ALL_RULES: readonly (FileRule | PeerRule)[] = [...FILE_RULES, ...PEER_RULES];

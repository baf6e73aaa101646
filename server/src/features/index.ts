// The language features, as pure functions of a model (or syntax tree), a position and options.
export { cursorContext, type CursorContext, type CursorPlace } from './context';
export { completions, keywordSnippet } from './completion';
export { hover, type HoverOptions } from './hover';
export { documentSymbols, workspaceSymbols, symbolName, symbolDetail, fuzzyMatch } from './symbols';
export { foldingRanges } from './folding';
export { selectionRanges } from './selection-range';
export { definition, references, prepareRename, rename, checkNewName, navTarget, RenameError, type NavTarget } from './navigation';
export { documentLinks } from './links';
export { formatDocument, formatRange, formatText, type KeepalivedFormattingOptions } from './formatting';
export {
  SEMANTIC_TOKENS_LEGEND,
  TOKEN_TYPES,
  TOKEN_MODIFIERS,
  semanticTokens,
  semanticTokensRange,
  semanticTokenList,
  encodeTokens,
  type SemanticToken,
} from './semantic-tokens';
export { codeActions } from './code-actions';
export { codeLenses, type CodeLensOptions } from './code-lens';
export { instanceSummary, priorityFacts, effectiveVersion, instanceOf, roundedAdvert } from './facts';

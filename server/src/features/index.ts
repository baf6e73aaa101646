// The language features the server wires (lsp/features.ts), as pure functions of a model (or
// syntax tree), a position and options.
export { completions } from './completion';
export { hover } from './hover';
export { documentSymbols, workspaceSymbols } from './symbols';
export { foldingRanges } from './folding';
export { selectionRanges } from './selection-range';
export { definition, references, prepareRename, rename, RenameError } from './navigation';
export { documentLinks } from './links';
export { formatDocument, formatRange } from './formatting';
export { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensRange } from './semantic-tokens';
export { codeActions } from './code-actions';
export { codeLenses } from './code-lens';

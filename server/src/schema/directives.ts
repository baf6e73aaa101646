// The directives keepalived's config reader (lib/parser.c) handles itself, before any block's
// keywords: they are valid anywhere, so they are not KeywordSpecs of a block.

/** `include FILE` and its variants (includer, includem, includew, includeb, includea), which differ in how a missing or unreadable file is treated. */
export const INCLUDE_KEYWORDS: readonly string[] = ['include', 'includer', 'includem', 'includew', 'includeb', 'includea'];

/** Definitions keepalived predefines: `${_PWD}` (the folder of the file being read), `${_INSTANCE}`, `${_RANDOM [MIN [MAX]]}`, `${_ENV VAR}`, `${_HASH}` (#), `${_BANG}` (!). */
export const PREDEFINED_DEFINITIONS: readonly string[] = ['_PWD', '_INSTANCE', '_RANDOM', '_ENV', '_HASH', '_BANG'];

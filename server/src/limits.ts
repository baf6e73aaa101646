// Every bound the analysis keeps, in one place. A config that reaches one gets a diagnostic saying
// what was not read or checked; none of them is ever reached by a real keepalived.conf. README's
// "Limits" table lists the same values (a test keeps the two in step).

/**
 * Largest file read, in bytes. Real configurations are a few KB; the benchmark's 250,000-line
 * file is 5.4 MiB and takes about 2.5 s, so 8 MiB stays a few seconds while a 200 MB file (which
 * exhausts memory) is refused before a byte of it is read.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Distinct files one node may include. keepalived itself has no limit, but hundreds of fragments
 * is already unusual; past it the include line says which files were left out.
 */
export const MAX_INCLUDED_FILES = 500;

/**
 * Include expansions per node: how many times any file's contents may be read into a node in
 * total. Files that include each other (`include *.conf` in every file of a folder) grow the work
 * factorially, since the include stack only stops a file repeating on one path; this cap turns
 * 9 such files from 26 s into a few hundred milliseconds. A file included many times on purpose
 * (the same fragment under several instances) stays far below it.
 */
export const MAX_INCLUDE_EXPANSIONS = 2000;

/** Include nesting (keepalived's own limit is far higher, but a chain of 16 is already a loop). */
export const MAX_INCLUDE_DEPTH = 16;

/**
 * Characters that `$NAME`, `~SEQ` and `~LST` expansion may produce for one node, checked while the
 * text grows, so that an over-long string is never built (`$X=$X $X` doubles at every level, and
 * 14,000 × `${A}` of 40,000 characters is over 500 million). keepalived stops at its line length.
 */
export const MAX_EXPANSION_CHARS = 1_000_000;

/** Repetitions of one `~SEQ` / `~LST` line (keepalived builds every one; configs use a handful). */
export const MAX_REPEAT = 10_000;

/**
 * Findings published for one file by the language server. A file of garbage can yield a finding per
 * word; the first thousand are what a person reads, and the editor stays responsive.
 */
export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * Findings the analysis keeps for one node config. A file of garbage yields one per word: 2 million
 * stray `}` (4 MB) took 83 s and 2.4 GB, most of it building and sorting findings nobody reads.
 * Past it, findings are counted, not kept, and one finding says how many were left out.
 */
export const MAX_FINDINGS_PER_NODE = 10_000;

/** `keepalived-lint --max-problems` default: the findings printed before a summary line. */
export const DEFAULT_MAX_PROBLEMS = 1000;

/**
 * Time the analysis of one node may take before the rest of its checks is skipped (one diagnostic
 * says which). Small enough that a request on another file is answered within 2 s while a huge
 * file is analysed; a real config needs a few milliseconds.
 */
export const ANALYSIS_TIME_BUDGET_MS = 1000;

/**
 * Related locations listed by one peer finding. A finding about a cluster names each peer; with
 * 400 open files sharing VI_1 every node's finding listed the 399 others, 320,000 locations per
 * publish (31 s for 40 publishes). The message still counts them all.
 */
export const MAX_RELATED_PER_FINDING = 10;

/**
 * Indentation levels the formatter writes: deeper blocks are indented as this level. Keeps the
 * formatting of 5,000 nested blocks linear (otherwise 50 million blanks).
 */
export const MAX_INDENT_DEPTH = 64;

/**
 * Nesting of a nested answer (selection ranges, document symbols): JSON.stringify recurses and
 * fails near 5,000 levels, in the server and in the editor. Deeper levels are left out.
 */
export const MAX_ANSWER_NESTING = 100;

/** The config of site `s`'s node; `role` 1 = MASTER, 2 = BACKUP. */
export function siteNode(s: number, role: 1 | 2): string;
/** A fuller node of site `s` (about 60 lines: scripts, authentication, two instances). */
export function siteNodeFull(s: number, role: 1 | 2): string;

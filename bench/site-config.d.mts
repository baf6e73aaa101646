/** The config of site `s`'s node; `role` 1 = MASTER, 2 = BACKUP. */
export function siteNode(s: number, role: 1 | 2): string;

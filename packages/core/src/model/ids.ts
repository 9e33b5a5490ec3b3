/**
 * Derives an id from a label: lower case, accents removed, runs of anything but letters and
 * digits turned into `-`. Letters of every script are kept.
 * @example slugify('Docker HOST( MI PC)') // 'docker-host-mi-pc'
 * @example slugify('Cliente (Terminal)') // 'cliente-terminal'
 */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

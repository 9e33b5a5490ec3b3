import { describe, expect, it } from 'vitest';
import { slugify } from './ids.js';

describe('slugify', () => {
  it.each([
    ['Docker HOST( MI PC)', 'docker-host-mi-pc'],
    ['Cliente (Terminal)', 'cliente-terminal'],
    ['Qúe es una imagen', 'que-es-una-imagen'],
    ['客户端 (终端)', '客户端-终端'],
    ['  --  ', ''],
  ])('%s → %s', (label, id) => {
    expect(slugify(label)).toBe(id);
  });
});

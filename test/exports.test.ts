import * as cli from '@diagrama/cli';
import * as core from '@diagrama/core';
import * as load from '@diagrama/load';
import * as renderAscii from '@diagrama/render-ascii';
import { describe, expect, it } from 'vitest';

const surface = (module: Record<string, unknown>) =>
  Object.keys(module)
    .sort()
    .map((name) => `${name}: ${typeof module[name]}`);

/** The public surface of every package; a change here is a change users see. */
describe('public exports', () => {
  it.each([
    ['@diagrama/core', core],
    ['@diagrama/load', load],
    ['@diagrama/render-ascii', renderAscii],
    ['@diagrama/cli', cli],
  ])('%s', (_, module) => {
    expect(surface(module as Record<string, unknown>)).toMatchSnapshot();
  });
});

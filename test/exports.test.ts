import * as cli from '@diagrama/cli';
import * as core from '@diagrama/core';
import * as docsSync from '@diagrama/docs-sync';
import * as embed from '@diagrama/embed';
import * as exporters from '@diagrama/export';
import * as importer from '@diagrama/import';
import * as load from '@diagrama/load';
import * as markdownIt from '@diagrama/markdown-it';
import * as remark from '@diagrama/remark';
import * as renderAscii from '@diagrama/render-ascii';
import * as renderMarkdown from '@diagrama/render-markdown';
import * as renderPng from '@diagrama/render-png';
import * as renderSvg from '@diagrama/render-svg';
import * as typescript from '@diagrama/typescript';
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
    ['@diagrama/render-markdown', renderMarkdown],
    ['@diagrama/render-svg', renderSvg],
    ['@diagrama/render-png', renderPng],
    ['@diagrama/docs-sync', docsSync],
    ['@diagrama/typescript', typescript],
    ['@diagrama/embed', embed],
    ['@diagrama/export', exporters],
    ['@diagrama/import', importer],
    ['@diagrama/remark', remark],
    ['@diagrama/markdown-it', markdownIt],
    ['@diagrama/cli', cli],
  ])('%s', (_, module) => {
    expect(surface(module as Record<string, unknown>)).toMatchSnapshot();
  });
});

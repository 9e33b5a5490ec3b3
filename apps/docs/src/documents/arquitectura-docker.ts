import type { SourceDocument } from '../document.js';

/**
 * "Arquitectura de Docker": the user's notes. The text is theirs, kept exactly as written;
 * the two diagrams come from the models in docs/examples/.
 */
export const arquitecturaDocker: SourceDocument = {
  output: 'docs/arquitectura-docker.md',
  blocks: [
    { kind: 'heading', depth: 1, text: 'Arquitectura de Docker' },
    {
      kind: 'model',
      model: 'docs/examples/docker-architecture.yaml',
      info: '',
      blankLinesBefore: 0,
    },
    { kind: 'heading', depth: 2, text: 'Qúe es una imagen Docker' },
    {
      kind: 'paragraph',
      text: 'Es un paquete de datos que contiene todo lo necesario para que el servicio funcione.',
    },
    { kind: 'paragraph', text: 'Un paquete se divide en capas y no hay un límite de capas.' },
    {
      kind: 'model',
      model: 'docs/examples/docker-image-layers.yaml',
      info: '',
      blankLinesBefore: 0,
    },
    { kind: 'heading', depth: 2, text: 'Qúe es un Contenedor', blankLinesBefore: 2 },
  ],
};

/** Every document the docs app writes whole. */
export const DOCUMENTS: readonly SourceDocument[] = [arquitecturaDocker];

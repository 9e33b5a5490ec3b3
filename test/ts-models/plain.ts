import type { DiagramInput } from '@diagrama/core';

const model: DiagramInput = { nodes: [{ kind: 'api', label: 'Rest API' }] };
export default model;

import { api, diagram } from '@diagrama/core';

const width: number = 'wide';

export default diagram({ nodes: [api('Rest API', { hints: { width } })] });

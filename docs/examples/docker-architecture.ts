// The architecture diagram of "Arquitectura de Docker", written with the TypeScript builders.
// It renders the same bytes as docker-architecture.yaml:
//   pnpm diagrama render docs/examples/docker-architecture.ts
import { api, client, connect, daemon, diagram, host } from '@diagrama/core';

const box = { width: 59 };
const cliente = client('Cliente (Terminal)', { id: 'client', hints: { ...box, labelOffset: 1 } });
const restApi = api('Rest API', { id: 'api', hints: box });
const dockerDaemon = daemon('Docker Daemon - Server(Docker Service)', {
  id: 'daemon',
  hints: { ...box, labelOffset: 4 },
});
const asDrawn = { length: 3, join: false };

export default diagram({
  title: 'Arquitectura de Docker',
  nodes: [
    host('Docker HOST( MI PC)', [cliente, restApi, dockerDaemon], {
      id: 'host',
      direction: 'down',
      hints: { padding: { top: 1, right: 13, bottom: 1, left: 11 } },
    }),
  ],
  connections: [
    connect(cliente, restApi, {
      note: 'Cliente se comunica con el Server\na través la Rest API',
      direction: 'none',
      hints: asDrawn,
    }),
    connect(restApi, dockerDaemon, {
      note: 'El Server se comunica con el Cliente\na través del REST API',
      direction: 'none',
      hints: asDrawn,
    }),
  ],
});

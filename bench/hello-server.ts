import Fastify from 'fastify';

/** The ceiling for `npm run bench:api`: a bare Fastify answering a small JSON document. */
const app = Fastify({ logger: false });
app.get('/hello', () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `running at http://127.0.0.1:${String(typeof address === 'object' && address ? address.port : 0)}\n`,
);

/**
 * A TCP port on 127.0.0.1 that nothing listens on right now. n8n's server and each of its task
 * runner brokers need their own: a CLI command run while a server is up would otherwise fail to
 * bind the broker port (5679 by default) the server already holds.
 */
import { createServer } from 'net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

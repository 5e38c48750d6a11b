import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaptureServer {
	/** Its origin, e.g. http://127.0.0.1:40123: another port is another origin. */
	url: string;
	/** Headers of every request it received. */
	received: IncomingHttpHeaders[];
	stop: () => Promise<void>;
}

/** A second local server standing for "somewhere else": it records what reaches it and answers 200 with a JSON invoice. */
export async function startCaptureServer(): Promise<CaptureServer> {
	const received: IncomingHttpHeaders[] = [];
	const server = http.createServer((request, response) => {
		received.push(request.headers);
		request.resume();
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end('{"invoice":{"id":1}}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		stop: async () => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
		},
	};
}

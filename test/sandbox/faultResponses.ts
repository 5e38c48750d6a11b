import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { FaultRule } from './faults';
import { documentAnswer, errorAnswer, throttledAnswer, type HttpAnswer } from './wire/answer';
import { bareDocument, wire, type WireFormat } from './wire/document';

/**
 * Writes the broken answer a fault rule asks for. `answer` is what the sandbox would have sent: the
 * real answer in the `after` phase, a stand-in 200 in the `before` phase (the request was not applied).
 * Returns the status the client sees (0 when the connection is reset). `slow` only delays, in the server.
 */
export function writeFault(
	response: ServerResponse,
	fault: FaultRule,
	answer: HttpAnswer,
	format: WireFormat,
	requestHeaders: IncomingHttpHeaders = {},
	/** The dialect's throttle answer (v1 503, v2 429). */
	throttled: (retryAfterSeconds: number) => HttpAnswer = (seconds) => throttledAnswer(seconds, format),
): number {
	switch (fault.kind) {
		case 'throttle':
			return writeAnswer(response, retryAfterAs(fault, throttled(Math.max(1, Math.ceil(fault.retryAfterSeconds ?? 1))), response.getHeader('date')));
		case '500':
			return writeAnswer(response, errorAnswer(500, 'Internal Server Error', format));
		case '502':
			return writeAnswer(response, errorAnswer(502, 'Bad Gateway', format));
		case '503': {
			const wait = fault.retryAfterSeconds;
			return writeAnswer(response, errorAnswer(503, 'Service Unavailable', format, wait === undefined ? {} : { 'retry-after': String(wait) }));
		}
		case 'html': {
			const status = fault.status ?? 500;
			return writeAnswer(response, { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: htmlErrorPage(status) });
		}
		case 'reset':
			response.socket?.destroy();
			return 0;
		case 'malformed':
			return writeAnswer(response, { ...answer, body: malformed(answer.body || placeholder(format), format) });
		case 'truncated':
			return writeTruncated(response, answer.body ? answer : { ...answer, body: placeholder(format) });
		case 'slow':
		case 'trickle':
			return writeAnswer(response, answer);
		case 'redirect':
			return writeAnswer(response, { status: fault.status ?? 302, headers: { location: fault.location as string }, body: '' });
		case 'echoAuth':
			if (fault.status === 200) return writeAnswer(response, echoedSecret(requestHeaders.authorization, format));
			return writeAnswer(response, errorAnswer(401, echoedCredentials(requestHeaders.authorization), format));
		case 'entities':
			return writeAnswer(response, { status: 200, headers: { 'content-type': 'application/xml; charset=utf-8' }, body: entityBomb() });
		case 'loginPage':
			return writeAnswer(response, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: LOGIN_PAGE });
		case 'oversized': {
			const body = answer.body || placeholder(format);
			const bytes = fault.bytes ?? 11 * 1024 * 1024;
			return writeAnswer(response, { ...answer, body: body + ' '.repeat(Math.max(0, bytes - Buffer.byteLength(body))) });
		}
	}
}

/** The throttle's Retry-After as the rule asks: seconds as Harvest writes it, an HTTP-date, or none. */
function retryAfterAs(fault: FaultRule, answer: HttpAnswer, date: unknown): HttpAnswer {
	const { 'retry-after': seconds, ...headers } = answer.headers;
	if (fault.retryAfter === 'none') return { ...answer, headers };
	if (fault.retryAfter !== 'date') return answer;
	// Counted from the answer's Date (the sandbox's clock, which tests may move), as Harvest would.
	const sent = Date.parse(String(date ?? ''));
	const until = new Date((Number.isNaN(sent) ? Date.now() : sent) + Number(seconds) * 1000).toUTCString();
	return { ...answer, headers: { ...headers, 'retry-after': until } };
}

/** What a debug page that repeats the request would show: the header and, for Basic, the login inside it. */
function echoedCredentials(authorization: string | undefined): string {
	const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
	const login = basic ? ` (login ${Buffer.from(basic[1], 'base64').toString('utf8')})` : '';
	return `Authentication failed for Authorization: ${authorization ?? 'none'}${login}`;
}

/**
 * A 200 that starts with the secret itself, short enough that a JSON parser's error quotes it
 * whole; in XML it names an element left open, which the reader's error names.
 */
function echoedSecret(authorization: string | undefined, format: WireFormat): HttpAnswer {
	const [, scheme = '', value = ''] = /^(\S+)\s+(\S+)$/.exec(authorization ?? '') ?? [];
	const secret = /^basic$/i.test(scheme) ? Buffer.from(value, 'base64').toString('utf8').replace(/^[^:]*:/, '') : value;
	const body = format === 'xml' ? `<${secret}>` : secret;
	return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

/** One 16 KB entity referenced 14,000 times: under 60 KB on the wire, 224 MB if a parser expands it. */
function entityBomb(): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE invoice [<!ENTITY a "${'x'.repeat(16_000)}">]>\n<invoice><id type="integer">1</id><notes>${'&a;'.repeat(14_000)}</notes></invoice>\n`;
}

/** Well-formed XHTML, so a lenient client could read it as an XML record. */
const LOGIN_PAGE = `<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form action="/sessions" method="post"><input name="email" type="email"/><input name="password" type="password"/><button type="submit">Sign in</button></form></body></html>\n`;

export function writeAnswer(response: ServerResponse, answer: HttpAnswer): number {
	response.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
	response.end(answer.body);
	return answer.status;
}

/** What `before`-phase body faults garble, since no real answer exists: a 200 the client must not trust. */
export function standInAnswer(format: WireFormat): HttpAnswer {
	return documentAnswer(200, undefined, format);
}

function placeholder(format: WireFormat): string {
	return documentAnswer(200, bareDocument('hash', wire.record({ message: wire.string('This answer was damaged on purpose by the sandbox.') })), format).body;
}

/** Still looks like the format at a glance, but no parser accepts it. */
function malformed(body: string, format: WireFormat): string {
	if (format === 'xml') {
		const lastClose = body.lastIndexOf('</');
		return lastClose >= 0 ? `${body.slice(0, lastClose)}</broken-${body.slice(lastClose + 2)}` : `${body}<broken>`;
	}
	return body.includes(':') ? body.replace(':', ' = ') : `${body},}`;
}

/** Announces the whole body, sends half of it, then closes the connection. */
function writeTruncated(response: ServerResponse, answer: HttpAnswer): number {
	const bytes = Buffer.from(answer.body);
	response.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) });
	response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.socket?.destroy());
	return answer.status;
}

function htmlErrorPage(status: number): string {
	const title = status === 502 ? '502 Bad Gateway' : '500 Internal Server Error';
	return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<p>We're sorry, but something went wrong.</p>\n</body>\n</html>\n`;
}

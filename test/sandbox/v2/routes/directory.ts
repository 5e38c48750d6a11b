import type { SandboxContext } from '../../context';
import { notFound, unprocessable } from '../../errors';
import type { Client } from '../../store';
import { readIsoDateTime } from '../invoiceFilters';
import { cursorBased } from '../pagination';
import { clientV2, contactV2, projectV2 } from '../records';
import type { V2Request, V2Router } from '../route';

/** Clients, projects and contacts for pickers and recipients; cursor lists like v2's other newer endpoints. */
export function registerV2DirectoryRoutes(router: V2Router): void {
	router.add('GET', '/v2/clients', (request) => {
		const active = readActive(request.query);
		const since = readSince(request.query);
		const clients = [...request.sandbox.store.clients.values()]
			.filter((client) => (active === undefined || client.active === active) && (since === undefined || Date.parse(client.updatedAt) >= since))
			.sort((a, b) => a.id - b.id);
		return list(request, 'clients', clients, clientV2, ['is_active', 'updated_since']);
	});

	router.add('GET', '/v2/clients/:id', ({ params, sandbox }) => ({ status: 200, json: clientV2(findClient(sandbox, params.id)) }));

	router.add('GET', '/v2/projects', (request) => {
		const clientId = readClientId(request.query);
		const active = readActive(request.query);
		const projects = [...request.sandbox.store.projects.values()]
			.filter((project) => (clientId === undefined || project.clientId === clientId) && (active === undefined || project.active === active))
			.sort((a, b) => a.id - b.id);
		return list(request, 'projects', projects, (project) => projectV2(request.sandbox.store, project), ['client_id', 'is_active']);
	});

	router.add('GET', '/v2/contacts', (request) => {
		const clientId = readClientId(request.query);
		const contacts = [...request.sandbox.store.contacts.values()]
			.filter((contact) => clientId === undefined || contact.clientId === clientId)
			.sort((a, b) => a.id - b.id);
		return list(request, 'contacts', contacts, (contact) => contactV2(request.sandbox.store, contact), ['client_id']);
	});
}

function list<T extends { id: number }>(request: V2Request, key: string, items: T[], record: (item: T) => unknown, filters: string[]) {
	const { records, envelope } = cursorBased(items, { origin: request.origin, path: request.path, query: request.query, filters });
	return { status: 200, json: { [key]: records.map(record), ...envelope } };
}

function readActive(query: URLSearchParams): boolean | undefined {
	const value = query.get('is_active');
	if (value === null || value === '') return undefined;
	if (value !== 'true' && value !== 'false') throw unprocessable('is_active must be true or false');
	return value === 'true';
}

function readClientId(query: URLSearchParams): number | undefined {
	const value = query.get('client_id');
	if (value === null || value === '') return undefined;
	if (!/^\d+$/.test(value)) throw unprocessable('client_id must be an id');
	return Number(value);
}

function readSince(query: URLSearchParams): number | undefined {
	const value = query.get('updated_since');
	return value === null || value === '' ? undefined : readIsoDateTime(value);
}

function findClient(sandbox: SandboxContext, idText: string): Client {
	const client = /^\d+$/.test(idText) ? sandbox.store.clients.get(Number(idText)) : undefined;
	if (!client) throw notFound('Client');
	return client;
}

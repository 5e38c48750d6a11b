import { notFound, unprocessable } from '../errors';
import type { Router } from '../router';
import type { Client } from '../store';
import { listDocument, oneDocument } from '../wire/document';
import { clientRecord, contactRecord, projectRecord } from '../wire/records';
import type { SandboxContext } from '../context';

/** Clients, projects and contacts: what an invoicing client needs for its pickers and message recipients. */
export function registerDirectoryRoutes(router: Router): void {
	router.add('GET', '/clients', ({ query, sandbox }) => {
		const active = query.get('active');
		if (active !== null && active !== 'true' && active !== 'false') throw unprocessable('active must be true or false');
		const clients = [...sandbox.store.clients.values()].filter((client) => active === null || String(client.active) === active);
		return { status: 200, document: listDocument('client', 'clients', 'client', clients.map(clientRecord)) };
	});

	router.add('GET', '/clients/:id', ({ params, sandbox }) => ({
		status: 200,
		document: oneDocument('client', 'client', clientRecord(findClient(sandbox, params.id))),
	}));

	router.add('GET', '/clients/:id/contacts', ({ params, sandbox }) => {
		const client = findClient(sandbox, params.id);
		return { status: 200, document: listDocument('contact', 'contacts', 'contact', sandbox.store.contactsOf(client.id).map(contactRecord)) };
	});

	router.add('GET', '/contacts', ({ sandbox }) => ({
		status: 200,
		document: listDocument('contact', 'contacts', 'contact', [...sandbox.store.contacts.values()].map(contactRecord)),
	}));

	router.add('GET', '/projects', ({ query, sandbox }) => {
		const client = query.get('client');
		if (client !== null && !/^\d+$/.test(client)) throw unprocessable('client must be a client id');
		const projects = [...sandbox.store.projects.values()].filter((project) => client === null || project.clientId === Number(client));
		return { status: 200, document: listDocument('project', 'projects', 'project', projects.map(projectRecord)) };
	});
}

function findClient(sandbox: SandboxContext, idText: string): Client {
	const client = /^\d+$/.test(idText) ? sandbox.store.clients.get(Number(idText)) : undefined;
	if (!client) throw notFound('Client');
	return client;
}

import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { harvestRead } from '../transport/reads';
import { invoiceFieldsOf } from '../transport/invoiceFields';
import { currencyOptions } from './currencies';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/**
 * First entry of an optional dropdown. Its value '' is what n8n stores for an untouched dropdown,
 * so an empty field shows as "None" instead of "value not supported", and choosing it clears the
 * field; every hook reading these fields treats '' as not set and sends nothing.
 */
export const NONE_OPTION: INodePropertyOptions = { name: 'None', value: '', description: 'Not set' };

const withNone = (options: INodePropertyOptions[]): INodePropertyOptions[] => [NONE_OPTION, ...options];

/** Every client of the account, by name (value: the client ID). */
export async function getClients(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { records } = await harvestRead.call(this, { read: 'clients' });
	return records
		.map((client) => ({ name: String(client.name ?? client.id), value: String(client.id) }))
		.sort(byName);
}

/** Clients for an optional field (a filter, Update's Client), led by None. */
export async function getClientsOrNone(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withNone(await getClients.call(this));
}

const isId = (value: unknown): value is string | number => /^\d{1,18}$/.test(String(value ?? '').trim());

/**
 * The client whose projects to list: the Client field of Create, the one in Update Fields, or else
 * the client of the invoice being updated. Undefined when none is known (e.g. set by an expression).
 */
async function currentClientId(this: ILoadOptionsFunctions): Promise<string | undefined> {
	// Parameters come as stored (expressions unevaluated): a client set by an expression is
	// simply not known while the editor builds the dropdown.
	for (const path of ['clientId', 'updateFields.clientId']) {
		const value = this.getCurrentNodeParameter(path);
		if (isId(value)) return String(value).trim();
	}
	let invoiceId: unknown;
	try {
		invoiceId = this.getCurrentNodeParameter('invoiceId', { extractValue: true });
	} catch {
		return undefined; // a half-typed URL or ID: no invoice to ask about yet
	}
	if (!isId(invoiceId)) return undefined;
	const { records } = await harvestRead.call(this, { read: 'invoice', id: String(invoiceId).trim() });
	const clientId = records[0] ? (await invoiceFieldsOf(this)).clientId(records[0]) : undefined;
	return isId(clientId) ? String(clientId) : undefined;
}

/** Projects of the chosen client (all projects when no client is known), by name. */
export async function getProjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await currentClientId.call(this);
	const { records } = await harvestRead.call(this, { read: 'projects', clientId: client });
	return records
		.map((project) => {
			const code = typeof project.code === 'string' && project.code.trim() !== '' ? ` (${project.code.trim()})` : '';
			return { name: `${String(project.name ?? project.id)}${code}`, value: String(project.id) };
		})
		.sort(byName);
}

/** Projects for an optional field (a line item's project), led by None. */
export async function getProjectsOrNone(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withNone(await getProjects.call(this));
}

/** Invoice item categories; the value is the name, which is what a line item's `kind` takes. */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { records } = await harvestRead.call(this, { read: 'categories' });
	return records
		.filter((category) => typeof category.name === 'string' && category.name !== '')
		.map((category) => ({ name: String(category.name), value: String(category.name) }))
		.sort(byName);
}

/**
 * Currencies in Harvest's `Name - CODE` form, from the platform's Intl data (no request), led by
 * None: the currency is always optional (Harvest then takes the client's).
 */
export async function getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return withNone(currencyOptions());
}

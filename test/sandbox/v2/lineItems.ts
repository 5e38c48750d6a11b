import { unprocessable } from '../errors';
import { lineAmount } from '../invoiceMath';
import type { LineItem, SandboxStore } from '../store';
import { readBoolean, readId, readNumber, readString, type FieldRecord } from '../wire/fields';

/**
 * v2 line items are objects: `{project_id, kind, description, quantity, unit_price, taxed, taxed2}`;
 * `kind` names an item category. On PATCH an entry with an `id` changes that line (`_destroy: true`
 * deletes it) and one without is added; lines not mentioned stay.
 */
export function readNewLineItems(store: SandboxStore, value: unknown): LineItem[] {
	return entriesOf(value).map((entry, index) => readLine(store, entry, undefined, index));
}

export function applyLineItemChanges(store: SandboxStore, current: readonly LineItem[], value: unknown): LineItem[] {
	let lines = current.map((item) => ({ ...item }));
	entriesOf(value).forEach((entry, index) => {
		if (entry.id === undefined || entry.id === null) {
			lines.push(readLine(store, entry, undefined, index));
			return;
		}
		const id = readId(entry, 'id');
		const position = lines.findIndex((line) => line.id === id);
		if (position < 0) throw unprocessable(`Line item ${String(entry.id)} is not a line of this invoice`);
		if (readBoolean(entry, '_destroy') === true) lines = lines.filter((line) => line.id !== id);
		else lines[position] = readLine(store, entry, lines[position], index);
	});
	return lines;
}

function entriesOf(value: unknown): FieldRecord[] {
	if (!Array.isArray(value)) throw unprocessable('line_items must be an array of line item objects');
	return value.map((entry) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw unprocessable('Each line item must be an object');
		return entry as FieldRecord;
	});
}

/** A new line (base undefined) or a changed copy of `base`; the amount is always quantity x unit price. */
function readLine(store: SandboxStore, entry: FieldRecord, base: LineItem | undefined, index: number): LineItem {
	const at = `Line item ${index + 1}`;
	const kindText = readString(entry, 'kind')?.trim();
	let kind = base?.kind;
	if (kindText !== undefined) {
		const category = [...store.categories.values()].find((candidate) => candidate.name.toLowerCase() === kindText.toLowerCase());
		if (!category) throw unprocessable(`${at}: kind "${kindText}" is not an invoice item category`);
		kind = category.name;
	}
	if (kind === undefined) throw unprocessable(`${at}: kind can't be blank`);
	const quantity = readNumber(entry, 'quantity') ?? base?.quantity ?? 1;
	const unitPrice = readNumber(entry, 'unit_price') ?? base?.unitPrice;
	if (unitPrice === undefined) throw unprocessable(`${at}: unit_price can't be blank`);
	let projectId = base?.projectId ?? null;
	if (entry.project_id !== undefined) {
		projectId = entry.project_id === null || entry.project_id === '' ? null : (readId(entry, 'project_id') as number);
		if (projectId !== null && !store.projects.has(projectId)) throw unprocessable(`${at}: project ${projectId} does not exist`);
	}
	return {
		id: base?.id ?? store.nextId('lineItem'),
		kind,
		description: readString(entry, 'description') ?? base?.description ?? '',
		quantity,
		unitPrice,
		amount: lineAmount(quantity, unitPrice),
		taxed: readBoolean(entry, 'taxed') ?? base?.taxed ?? false,
		taxed2: readBoolean(entry, 'taxed2') ?? base?.taxed2 ?? false,
		projectId,
	};
}

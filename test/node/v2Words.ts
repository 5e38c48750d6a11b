/**
 * What a test expects, written as v1 names it, in API v2's words (HARVEST_API_V2.md, "v1 vs v2"):
 * the invoice list query the node sends and the invoice record the node outputs. Written out here
 * once, so a suite states its expectation once and runs on every wire.
 */

/** v2's `state` filter for each v1 `status`: v2 has no partial, unpaid or past-due state, all are `open`. */
const V2_LIST_STATES: Record<string, string> = {
	draft: 'draft',
	open: 'open',
	paid: 'paid',
	closed: 'closed',
	partial: 'open',
	unpaid: 'open',
	pastdue: 'open',
};

/** v2's name for each v1 list parameter that v2 spells otherwise. */
const V2_LIST_NAMES: Record<string, string> = { client: 'client_id', status: 'state' };

/** A v1 list parameter's value as v2 writes it: ISO days and moments, states for statuses. */
function v2ListValue(key: string, value: string): string {
	if (key === 'status') return V2_LIST_STATES[value];
	if (key === 'from' || key === 'to') return value.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
	if (key === 'updated_since') return `${value.replace(' ', 'T')}:00Z`;
	return value;
}

/**
 * An invoice list query as v1 writes it -> as the node sends it to v2, with the page size it asks
 * for. A value that is a matcher (`expect.stringMatching`) is the test's own: it is kept as it is.
 */
export function v2ListQuery(v1Query: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(v1Query)) {
		out[V2_LIST_NAMES[key] ?? key] = typeof value === 'string' ? v2ListValue(key, value) : value;
	}
	return { ...out, per_page: '2000' };
}

/** A v1 line item as v2 shows it: with its own id, and its project as a record instead of an id. */
export function v2LineItem(v1Line: Record<string, unknown>): Record<string, unknown> {
	const { project_id: projectId, ...rest } = v1Line;
	return {
		id: expect.any(Number),
		...rest,
		project: projectId === null || projectId === undefined ? null : expect.objectContaining({ id: projectId }),
	};
}

/** `NET 15` -> `net 15`; a term v2 does not have (NET 21) is `custom` there. */
function paymentTerm(dueAtHumanFormat: string): string {
	const term = dueAtHumanFormat.toLowerCase();
	return ['upon receipt', 'net 15', 'net 30', 'net 45', 'net 60'].includes(term) ? term : 'custom';
}

const RENAMED: Record<string, string> = { issued_at: 'issue_date', due_at: 'due_date' };

/** Some fields of a v1 invoice record -> the same fields of the v2 record (for `toMatchObject`). */
export function v2InvoiceFields(v1Fields: Record<string, unknown>, state: (v1State: string) => string): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(v1Fields)) {
		if (key === 'client_id') out.client = expect.objectContaining({ id: value });
		else if (key === 'due_at_human_format') out.payment_term = paymentTerm(String(value));
		else if (key === 'currency') out.currency = String(value).replace(/^.* - ([A-Z]{3})$/, '$1');
		else if (key === 'state') out.state = state(String(value));
		else if (key === 'line_items') out.line_items = (value as Array<Record<string, unknown>>).map(v2LineItem);
		// v2 has no CSV of the lines: its line_items are records.
		else if (key === 'csv_line_items') continue;
		else out[RENAMED[key] ?? key] = value;
	}
	return out;
}

import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's subtitle expression, showing display names ("Create: Payment") rather than the
 * stored values ("create: payment"). n8n evaluates `subtitle` as an expression over the stored
 * parameters, which hold only values, so the expression carries the value -> name table, built
 * from the descriptions themselves so that it cannot drift from them. An unknown pair (a value
 * set by hand) falls back to the values.
 */
export function displayNameSubtitle(properties: INodeProperties[]): string {
	const resource = properties.find((property) => property.name === 'resource');
	const resourceNames = new Map((resource?.options ?? []).map((option) => [String((option as { value: unknown }).value), option.name]));
	const labels: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resourceValue of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of property.options ?? []) {
				const value = String((option as { value: unknown }).value);
				labels[`${resourceValue}:${value}`] = `${option.name}: ${resourceNames.get(resourceValue) ?? resourceValue}`;
			}
		}
	}
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	return `={{ ${JSON.stringify(labels)}[${key}] || ($parameter["operation"] + ": " + $parameter["resource"]) }}`;
}

import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

// Deliberately plain: something@domain.tld with no spaces or list separators. Harvest checks the
// rest; this catches typos and pasted `"Name" <email>` forms before an invoice is sent.
const EMAIL = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"().]+$/;

/** Whether `value` looks like one plain email address (the check Recipients uses). */
export function isEmailAddress(value: string): boolean {
	return EMAIL.test(value);
}

const EXAMPLE = 'e.g. "ann@example.com, bob@example.com"';

/**
 * A recipient list as Harvest's `recipients` wants it, from what n8n hands over: text separated
 * by commas, semicolons or line breaks, or an array (multiple values, or an expression such as
 * `{{ $json.emails }}`). Duplicates are dropped so nobody gets the invoice twice.
 */
export function requireEmailList(node: INode, field: string, value: unknown, itemIndex?: number): string[] {
	const entries = (Array.isArray(value) ? value : [value])
		.flatMap((entry) => (entry === undefined || entry === null ? [] : String(entry).split(/[,;\r\n]+/)))
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (entries.length === 0) {
		throw new NodeOperationError(node, `${field} needs at least one email address, ${EXAMPLE}`, { itemIndex });
	}
	const invalid = entries.filter((entry) => !EMAIL.test(entry));
	if (invalid.length > 0) {
		throw new NodeOperationError(
			node,
			`${field} must be email addresses separated by commas, ${EXAMPLE} (not an email address: ${invalid
				.map((entry) => `"${entry}"`)
				.join(', ')})`,
			{ itemIndex },
		);
	}
	const seen = new Set<string>();
	return entries.filter((entry) => {
		const key = entry.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

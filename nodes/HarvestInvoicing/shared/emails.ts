import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { codePointLabel } from './characters';

// Deliberately plain: something@domain.tld with no spaces or list separators. Harvest checks the
// rest; this catches typos and pasted `"Name" <email>` forms before an invoice is sent.
const EMAIL = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+\.[^\s@,;<>"().]+$/;

/** Whether `value` looks like one plain email address (the check Recipients uses). */
export function isEmailAddress(value: string): boolean {
	return EMAIL.test(value);
}

const EXAMPLE = 'e.g. "ann@example.com, bob@example.com"';

// Controls (NUL included) inside an address or a subject are how extra email headers get smuggled in.
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * Text that ends up in an email header (the Subject): one line, no control characters. A line
 * break there could add headers (Bcc:) to the email Harvest sends, so it is refused, not joined.
 */
export function requireHeaderText(node: INode, field: string, value: unknown, itemIndex?: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	const match = CONTROL.exec(text.replace(/\t/g, ' '));
	if (match) {
		const what = match[0] === '\r' || match[0] === '\n' ? 'a line break' : 'a control character';
		throw new NodeOperationError(
			node,
			`${field} must be a single line: it contains ${what} (${codePointLabel(match[0])}) at position ${match.index + 1}`,
			{ itemIndex, description: 'Line breaks and control characters are not allowed in an email subject, where they could add email headers.' },
		);
	}
	return text;
}

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
	// Line breaks separate addresses (above) and never reach Harvest; any other control is refused.
	const controlled = entries.find((entry) => CONTROL.test(entry));
	if (controlled !== undefined) {
		const character = CONTROL.exec(controlled)?.[0] as string;
		throw new NodeOperationError(
			node,
			`${field} contains a control character (${codePointLabel(character)}) in the address "${controlled.replace(/[\u0000-\u001F\u007F]/g, '')}"`,
			{ itemIndex, description: 'Control characters (such as NUL) are not allowed in email addresses, where they could add email headers.' },
		);
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

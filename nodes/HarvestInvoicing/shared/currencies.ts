import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every currency the platform knows (ISO 4217, from the runtime's Intl data), in Harvest's
 * `Name - CODE` form. The names are the platform's English names, which can differ from Harvest's
 * own wording (`US Dollar - USD` where Harvest's example writes `United States Dollar - USD`);
 * the list stays current without a hand-kept copy.
 */
export function currencyOptions(): INodePropertyOptions[] {
	const names = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' });
	return Intl.supportedValuesOf('currency')
		.map((code) => {
			const label = `${names.of(code) ?? code} - ${code}`;
			return { name: label, value: label };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** `United States Dollar - USD` -> `USD`; anything else is given back as it is. */
export function currencyCode(currency: unknown): string {
	const text = String(currency ?? '');
	const match = / - ([A-Z]{3})$/.exec(text);
	return match ? match[1] : text;
}

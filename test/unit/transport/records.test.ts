import { decodeHarvestBody } from '../../../nodes/HarvestInvoicing/transport/v1/records';

const seedInvoiceJson = {
	id: 6763297,
	client_id: 1929151,
	period_start: null,
	number: '1',
	amount: 100,
	tax: null,
	due_amount: 100,
	client_key: '43d9342a017e262c33a395ef3b9dca294f736792',
};

const seedInvoiceXml = `<?xml version="1.0" encoding="UTF-8"?>
<invoices type="array">
    <invoice>
        <id type="integer">6763297</id>
        <client-id type="integer">1929151</client-id>
        <period-start type="date" nil="true"/>
        <number>1</number>
        <amount type="decimal">100.0</amount>
        <tax type="decimal" nil="true"/>
        <due-amount type="decimal">100.0</due-amount>
        <client-key>43d9342a017e262c33a395ef3b9dca294f736792</client-key>
    </invoice>
</invoices>`;

describe('Harvest body decoding (records)', () => {
	it('gives the same records for the JSON and XML invoice lists of the seed', () => {
		const fromJson = decodeHarvestBody([{ invoices: seedInvoiceJson }], 'json');
		const fromXml = decodeHarvestBody(seedInvoiceXml, 'xml');
		expect(fromJson).toEqual({ kind: 'invoice', isList: true, records: [seedInvoiceJson] });
		expect(fromXml).toEqual(fromJson);
	});

	it('unwraps single records in both formats', () => {
		const json = decodeHarvestBody(JSON.stringify({ invoice: seedInvoiceJson }), 'json');
		const xml = decodeHarvestBody(seedInvoiceXml.replace(/<\/?invoices[^>]*>/g, ''), 'xml');
		expect(json).toEqual({ kind: 'invoice', isList: false, records: [seedInvoiceJson] });
		expect(xml).toEqual(json);
	});

	it('knows every wrapper of the seeds', () => {
		expect(decodeHarvestBody([{ message: { id: 1 } }], 'json').kind).toBe('message');
		expect(decodeHarvestBody({ invoice_message: { id: 1 } }, 'json').kind).toBe('message');
		expect(decodeHarvestBody([{ payment: { id: 1 } }], 'json').kind).toBe('payment');
		expect(decodeHarvestBody([{ invoice_category: { id: 1 } }], 'json').kind).toBe('category');
		expect(
			decodeHarvestBody('<invoice-item-categories type="array"><invoice-item-category><id type="integer">1</id></invoice-item-category></invoice-item-categories>', 'xml'),
		).toEqual({ kind: 'category', isList: true, records: [{ id: 1 }] });
	});

	it('turns decimals sent as strings into numbers and kebab keys into snake_case', () => {
		const decoded = decodeHarvestBody({ invoice: { tax: '3', tax2: '5.5', 'due-amount': '10', discount: '', number: '7' } }, 'json');
		expect(decoded.records[0]).toEqual({ tax: 3, tax2: 5.5, due_amount: 10, discount: '', number: '7' });
	});

	it('reads empty bodies (Harvest answers most writes with none) as no records', () => {
		for (const body of [undefined, null, '', '   ', Buffer.from('')]) {
			expect(decodeHarvestBody(body, 'json')).toEqual({ kind: 'other', isList: false, records: [] });
		}
		expect(decodeHarvestBody('[]', 'json')).toEqual({ kind: 'other', isList: true, records: [] });
		expect(decodeHarvestBody('<invoices type="array"></invoices>', 'xml')).toEqual({ kind: 'invoice', isList: true, records: [] });
	});

	it('reads XML even when JSON was asked for (some errors and proxies answer XML)', () => {
		expect(decodeHarvestBody('<invoice><id type="integer">5</id></invoice>', 'json').records).toEqual([{ id: 5 }]);
		expect(decodeHarvestBody(Buffer.from('{"invoice":{"id":5}}'), 'json').records).toEqual([{ id: 5 }]);
	});

	it.each([
		['an object that is no Harvest wrapper', { status: 'ok', user: { id: 1 } }, '"status", "user"'],
		['a list of unwrapped objects', [{ id: 1 }], '"id"'],
		['a wrapper holding no record', { invoice: 'x' }, '"invoice"'],
		['a bare value', '"text"', 'string'],
		['XHTML read as XML', '<html><body><form/></body></html>', '"html"'],
		['an XML list of unknown things', '<users type="array"><user/></users>', '"users"'],
	])('refuses %s: it is not a Harvest record, so it never becomes an item', (_case, body, found) => {
		expect(() => decodeHarvestBody(body, 'json')).toThrow(`it is not one of Harvest's records (found ${found})`);
	});

	it('never expands entities: a document with a DOCTYPE is refused in either format', () => {
		const bomb = `<!DOCTYPE invoice [<!ENTITY big "${'x'.repeat(1000)}">]><invoice><notes>${'&big;'.repeat(100)}</notes></invoice>`;
		for (const format of ['json', 'xml'] as const) expect(() => decodeHarvestBody(bomb, format)).toThrow('declares a DOCTYPE');
		expect(decodeHarvestBody('<invoice><notes>a &amp; b &lt;c&gt;</notes></invoice>', 'xml').records).toEqual([{ notes: 'a & b <c>' }]);
	});

	it("reads who_am_i, the one unwrapped answer, in both formats, and no other bare hash", () => {
		const json = { company: { 'decimal-symbol': ',' }, user: { id: 1 } };
		const xml = '<hash><company><decimal-symbol>,</decimal-symbol></company><user><id type="integer">1</id></user></hash>';
		for (const [body, format] of [[json, 'json'], [xml, 'xml']] as const) {
			expect(decodeHarvestBody(body, format).records).toEqual([{ company: { decimal_symbol: ',' }, user: { id: 1 } }]);
		}
		expect(() => decodeHarvestBody('<hash><status>ok</status></hash>', 'xml')).toThrow("it is not one of Harvest's records");
	});

	it('throws on a body that is not valid in its format', () => {
		expect(() => decodeHarvestBody('{"invoice": ', 'json')).toThrow();
	});
});

import { decodeXml, encodeXml } from '../../../nodes/HarvestInvoicing/transport/v1/xmlCodec';

describe('Harvest XML codec', () => {
	it('decodes typed elements to the values JSON carries: numbers, booleans, null, text', () => {
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<invoice>
  <id type="integer">6763297</id>
  <amount type="decimal">100.0</amount>
  <tax type="decimal" nil="true"/>
  <period-start type="date" nil="true"/>
  <issued-at type="date">2015-04-22</issued-at>
  <created-at type="dateTime">2015-04-21T18:41:58Z</created-at>
  <send-me-a-copy type="boolean">true</send-me-a-copy>
  <thank-you type="boolean">false</thank-you>
  <number>1</number>
  <purchase-order></purchase-order>
  <notes>Fish &amp; chips &lt;3</notes>
</invoice>`;
		expect(decodeXml(xml)).toEqual({
			invoice: {
				id: 6763297,
				amount: 100,
				tax: null,
				period_start: null,
				issued_at: '2015-04-22',
				created_at: '2015-04-21T18:41:58Z',
				send_me_a_copy: true,
				thank_you: false,
				number: '1',
				purchase_order: '',
				notes: 'Fish & chips <3',
			},
		});
	});

	it('keeps multi-line text exactly, as csv-line-items needs', () => {
		const csv = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nProduct,"A, ""b""\nc",1.00,100.00,100.0,false,false,\n';
		const xml = `<invoice><csv-line-items>${csv.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}</csv-line-items></invoice>`;
		expect((decodeXml(xml).invoice as Record<string, unknown>).csv_line_items).toBe(csv);
	});

	it('decodes arrays (lists) and nested records', () => {
		const xml = `<payments type="array">
  <payment><id type="integer">1</id><amount type="decimal">10.5</amount></payment>
  <payment><id type="integer">2</id><amount type="decimal">0.0</amount></payment>
</payments>`;
		expect(decodeXml(xml)).toEqual({ payments: [{ id: 1, amount: 10.5 }, { id: 2, amount: 0 }] });
		expect(decodeXml('<invoices type="array"></invoices>')).toEqual({ invoices: [] });
		expect(decodeXml('<hash><company><name>Acme</name></company></hash>')).toEqual({ hash: { company: { name: 'Acme' } } });
	});

	it('refuses a document without a root element, and damaged or truncated documents', () => {
		expect(() => decodeXml('<?xml version="1.0"?>')).toThrow();
		expect(() => decodeXml('<invoice><id type="integer">5</id>')).toThrow(/malformed XML/);
		expect(() => decodeXml('<invoices type="array"><invoice><id>1</id></invoice><invoi')).toThrow(/malformed XML/);
	});

	it('encodes kebab-case, typed elements that decode back to the same record', () => {
		const record = {
			client_id: 1929151,
			tax: 8.5,
			issued_at: '2026-05-01',
			paid_at: '2026-05-01T10:00:00Z',
			attach_pdf: true,
			number: '82208',
			notes: 'Fish & chips <3 "quoted"\nsecond line',
		};
		const xml = encodeXml('invoice', record);
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<invoice>/);
		expect(xml).toContain('<client-id type="integer">1929151</client-id>');
		expect(xml).toContain('<tax type="decimal">8.5</tax>');
		expect(xml).toContain('<issued-at type="date">2026-05-01</issued-at>');
		expect(xml).toContain('<attach-pdf type="boolean">true</attach-pdf>');
		expect(decodeXml(xml)).toEqual({ invoice: record });
	});

	it('types decimal fields as the seeds do, whole amounts included (<amount type="decimal">300.0</amount>)', () => {
		const payment = encodeXml('payment', { amount: 300, paid_at: '2015-04-24T00:00:00Z', notes: 'x' });
		expect(payment).toContain('<amount type="decimal">300.0</amount>');
		const invoice = encodeXml('invoice', { client_id: 1929151, tax: 3, tax2: 5.5, discount: null, number: '7' });
		expect(invoice).toContain('<client-id type="integer">1929151</client-id>');
		expect(invoice).toContain('<tax type="decimal">3.0</tax>');
		expect(invoice).toContain('<tax2 type="decimal">5.5</tax2>');
		expect(invoice).toContain('<discount type="decimal" nil="true"');
		expect(decodeXml(invoice)).toEqual({ invoice: { client_id: 1929151, tax: 3, tax2: 5.5, discount: null, number: '7' } });
		expect(encodeXml('payment', { amount: 0.0000001 })).toContain('<amount type="decimal">0.0000001</amount>');
	});

	it('encodes null as nil="true", which decodes back to null', () => {
		const xml = encodeXml('invoice', { discount: null });
		expect(xml).toContain('<discount type="decimal" nil="true"');
		expect(decodeXml(xml)).toEqual({ invoice: { discount: null } });
	});

	it('round-trips unicode and CSV text with commas, quotes and line breaks', () => {
		const csv = 'kind,description,quantity,unit_price,amount,taxed,taxed2,project_id\nService,"Café ☕, ""日本語""\nnext",1.0,2.0,2.0,false,false,\n';
		expect(decodeXml(encodeXml('invoice', { csv_line_items: csv }))).toEqual({ invoice: { csv_line_items: csv } });
	});

	// XML parsers normalize raw line ends (XML 1.0, section 2.11), so a carriage return travels as
	// `&#13;`: notes with Windows line ends come back exactly as in JSON.
	it('keeps CR LF and CR in text, written as character references', () => {
		const xml = encodeXml('invoice', { notes: 'a\r\nb\rc\n' });
		expect(xml).toContain('<notes>a&#13;\nb&#13;c\n</notes>');
		expect(decodeXml(xml)).toEqual({ invoice: { notes: 'a\r\nb\rc\n' } });
	});

	it('reads a raw CR LF as LF, as every XML parser must, and character references as their character', () => {
		expect(decodeXml('<invoice><notes>a\r\nb &#x263A; &#65;</notes></invoice>')).toEqual({ invoice: { notes: 'a\nb ☺ A' } });
	});
});

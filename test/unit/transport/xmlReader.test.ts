import { decodeHarvestBody } from '../../../nodes/HarvestInvoicing/transport/v1/records';
import { decodeXml } from '../../../nodes/HarvestInvoicing/transport/v1/xmlCodec';

/** A small payment list touching every construct the reader knows. */
const SMALL = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<payments type="array">
  <payment>
    <id type='integer'>7</id>
    <amount type="decimal">10.5</amount>
    <notes>Fish &amp; chips &lt;3 &#x263A;&#65; <![CDATA[<raw> & ]]>end</notes>
    <?app skipped?>
    <paid-at type="dateTime" >2026-05-01T10:00:00Z</paid-at >
    <pay-pal-transaction-id nil="true"/>
  </payment>
</payments>
`;

describe('Harvest XML reader', () => {
	it('reads entities, character references, CDATA, single quotes; skips comments and processing instructions', () => {
		expect(decodeHarvestBody(SMALL, 'xml')).toEqual({
			kind: 'payment',
			isList: true,
			records: [{ id: 7, amount: 10.5, notes: 'Fish & chips <3 ☺A <raw> & end', paid_at: '2026-05-01T10:00:00Z', pay_pal_transaction_id: null }],
		});
	});

	it('reads an element named __proto__ as a field, never as the prototype', () => {
		const record = decodeHarvestBody('<invoice><__proto__><admin type="boolean">true</admin></__proto__></invoice>', 'xml').records[0];
		expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
		expect((record as Record<string, unknown>).admin).toBeUndefined();
		expect(Object.keys(record)).toEqual(['__proto__']);
	});

	it('refuses every truncation of a document: never a partial record', () => {
		const end = SMALL.lastIndexOf('</payments>') + '</payments>'.length;
		const accepted: number[] = [];
		// Cutting off only leading characters leaves nothing to read (no records), not a partial one.
		for (let cut = SMALL.indexOf('<') + 1; cut < end; cut++) {
			try {
				decodeHarvestBody(SMALL.slice(0, cut), 'xml');
				accepted.push(cut);
			} catch {
				// refused, as it must be
			}
		}
		expect(accepted).toEqual([]);
		expect(decodeHarvestBody(SMALL.slice(0, end), 'xml').records).toHaveLength(1);
	});

	it.each([
		['a mismatched closing tag', '<invoice><id>1</ID></invoice>', /<\/ID> does not close <id>/],
		['crossed tags', '<invoice><id>1</invoice></id>', /does not close/],
		['a closing tag too many', '<invoice><id>1</id></invoice></invoice>', /closes no open element/],
		['two root elements', '<invoice/><invoice/>', /second root element/],
		['garbage after the root', '<invoice><id>1</id></invoice>garbage', /text outside the root element/],
		['garbage before the root', 'garbage<invoice/>', /text outside the root element/],
		['binary garbage', '\u0000\u0001<<<>>>', /malformed XML/],
		['a bare ampersand', '<invoice><notes>a & b</notes></invoice>', /"&" starts no entity/],
		['an entity XML does not define', '<invoice><notes>&nbsp;</notes></invoice>', /&nbsp; is not an XML entity/],
		['a reference to a character XML forbids', '<invoice><notes>&#0;</notes></invoice>', /&#0; is not a character XML allows/],
		['an unquoted attribute', '<invoice><id type=integer>1</id></invoice>', /not quoted/],
		['a repeated attribute', '<invoice><id type="integer" type="decimal">1</id></invoice>', /repeated/],
		['attributes not separated', '<invoice><id type="integer"nil="true"/></invoice>', /unexpected "n"/],
		['"<" inside a tag', '<invoice><a<b/></invoice>', /unexpected "<"/],
		['"<" in an attribute value', '<invoice><id type="<">1</id></invoice>', /"<" in the value/],
		['an unclosed CDATA section', '<invoice><notes><![CDATA[x</notes></invoice>', /ends inside a CDATA section/],
		['an unclosed comment', '<invoice><!-- x </invoice>', /ends inside a comment/],
		['a declaration inside the document', '<invoice><?xml version="1.0"?></invoice>', /only allowed at the start/],
		['a space after "<"', '< invoice/>', /"<" starts no tag/],
		['a document with no element', '<?xml version="1.0"?>', /no root element/],
	])('refuses %s', (_case, xml, message) => {
		expect(() => decodeXml(xml)).toThrow(message);
	});

	it('names the line of the damage', () => {
		expect(() => decodeXml('<invoices type="array">\n<invoice>\n<id>1</id>\n</invoices>')).toThrow('malformed XML at line 4: </invoices> does not close <invoice>');
	});

	it('refuses a DOCTYPE with the existing reason, wherever it stands', () => {
		expect(() => decodeXml('<!DOCTYPE invoice><invoice/>')).toThrow('declares a DOCTYPE');
		expect(() => decodeXml('<invoice><!doctype x></invoice>')).toThrow('declares a DOCTYPE');
	});
});

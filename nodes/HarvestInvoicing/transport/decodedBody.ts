import type { IDataObject } from 'n8n-workflow';

/** What a record is, told by the wrapper Harvest puts around it (JSON key or XML root). */
export type RecordKind = 'invoice' | 'message' | 'payment' | 'category' | 'other';

/** A Harvest answer as both dialects decode it: the records without their wrappers. */
export interface DecodedBody {
	kind: RecordKind;
	/** Records with wrappers removed; a single record is a list of one. */
	records: IDataObject[];
	/** True when Harvest answered with a list (so an empty answer means "no records"). */
	isList: boolean;
	/** v2 lists: the address of the next page (`links.next`), when there is one. */
	next?: string;
	/** v2 lists: the records a page holds as Harvest answered it (`per_page`), which may be fewer than asked. */
	perPage?: number;
	/** v2 lists: Harvest says another page follows (`next_page` or `links.next`). */
	morePages?: boolean;
}

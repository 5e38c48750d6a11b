import type { ListSpelling } from '../dialect';

/** Harvest v1 answers 50 invoices a page; its records name the issue date `issued_at`. */
export const V1_LIST: ListSpelling = { pageSize: 50, issueDate: (record) => record.issued_at };

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * Runs the reads that follow a write Harvest has already accepted (the record behind `Location`,
 * the invoice's new state). The write succeeded, so the item is a success whatever the reads do:
 * if they fail, it holds what is known (`known`: the id from `Location`, the invoice id) and
 * `read_back_error` says why the rest is missing. An error here would invite a re-run, which
 * would send the payment or the email a second time.
 */
export async function readBackAfterWrite(
	change: string,
	itemIndex: number,
	known: IDataObject,
	read: () => Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };
	try {
		return [{ json: await read(), pairedItem }];
	} catch (error) {
		const { message, description } = error as { message?: string; description?: string | null };
		const reason = [...new Set([message, description].filter(Boolean))].join(': ') || 'unknown error';
		const json = { ...known, read_back_error: `Harvest ${change}, but reading the result back failed: ${reason}` };
		return [{ json, pairedItem }];
	}
}

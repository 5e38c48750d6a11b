import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * n8n's declarative runner sends every item, then reports only the first failure and drops the
 * other items' output. When a write of one item fails, the user must know the others were sent:
 * the error names the item and says so, so that nobody re-runs them all and doubles the changes.
 */
export function noteOtherItems(context: IExecuteSingleFunctions, method: string, error: unknown): unknown {
	if (method.toUpperCase() === 'GET' || context.continueOnFail()) return error;
	const count = inputCount(context);
	const failure = error as { description?: string | null; message?: string };
	if (count === undefined || count < 2 || typeof failure !== 'object' || failure === null) return error;
	const index = context.getItemIndex();
	const note = `Item ${index} failed. The other ${count - 1} items of this run were sent to Harvest too, and those that succeeded were applied although no output is shown: check them in Harvest before running again, or set Settings > On Error to "Continue (using error output)" to see them.`;
	failure.description = failure.description ? `${failure.description} ${note}` : note;
	return error;
}

/** How many items the node received; a single item's context only shows its own item. */
function inputCount(context: IExecuteSingleFunctions): number | undefined {
	try {
		const count = Number(context.evaluateExpression('{{ $input.all().length }}', context.getItemIndex()));
		return Number.isInteger(count) ? count : undefined;
	} catch {
		// An older n8n without $input: the error then just names the item.
		return undefined;
	}
}

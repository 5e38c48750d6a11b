/** Today in UTC (`YYYY-MM-DD`), as this machine's clock says. */
export function todayUtc(): string {
	return new Date().toISOString().slice(0, 10);
}

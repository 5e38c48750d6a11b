/** How an error names an invisible character: its Unicode code point, e.g. `U+000C`. */
export function codePointLabel(character: string): string {
	return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

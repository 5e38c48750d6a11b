/**
 * Deterministic pseudo-random numbers (mulberry32). The sandbox never calls Math.random: the same
 * seed must give the same data and the same random faults on every machine and every run.
 */
export class SeededRandom {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both ends included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	/** A few distinct items, in their original order. */
	sample<T>(items: readonly T[], count: number): T[] {
		const chosen = new Set<number>();
		while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(this.next() * items.length));
		return [...chosen].sort((a, b) => a - b).map((index) => items[index]);
	}

	/** A shuffled copy (Fisher-Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let index = copy.length - 1; index > 0; index--) {
			const other = Math.floor(this.next() * (index + 1));
			[copy[index], copy[other]] = [copy[other], copy[index]];
		}
		return copy;
	}
}

/**
 * Progress for a benchmark run made of planned steps: which step runs, how
 * many are left, the time spent and an estimate of the time left.
 *
 * Each step has a weight, its expected cost relative to the others (a child
 * process per variant, churn, parse+print). The estimate scales the weight
 * still to run by the time each unit of weight has taken so far, so it
 * corrects itself as the run goes on a machine faster or slower than the one
 * the weights were measured on.
 *
 * @module
 */

/** One planned step of a run. */
export interface Step {
  readonly label: string;
  readonly weight: number;
}

/** Minutes and seconds, e.g. "2:05". */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Prints a line before each step of a planned run, on stderr. */
export class Progress {
  readonly #steps: readonly Step[];
  readonly #total: number;
  readonly #started = Date.now();
  #done = 0;
  #doneWeight = 0;

  constructor(steps: readonly Step[]) {
    this.#steps = steps;
    this.#total = steps.reduce((sum, s) => sum + s.weight, 0);
  }

  /** The time left, estimated from the pace so far (null before any step ends). */
  remainingMs(): number | null {
    if (this.#doneWeight === 0) return null;
    return ((Date.now() - this.#started) / this.#doneWeight) * (this.#total - this.#doneWeight);
  }

  /** Runs the next planned step, announcing it first. */
  step<T>(run: () => T): T {
    const step = this.#steps[this.#done];
    if (step === undefined) throw new Error("more steps run than planned");
    const left = this.remainingMs();
    console.error(
      `\n▶ [${this.#done + 1}/${this.#steps.length}] ${step.label} · ${clock(Date.now() - this.#started)} elapsed` +
        (left === null ? "" : ` · about ${clock(left)} left`),
    );
    const result = run();
    this.#done++;
    this.#doneWeight += step.weight;
    return result;
  }

  /** Total time since the run started. */
  elapsedMs(): number {
    return Date.now() - this.#started;
  }
}
